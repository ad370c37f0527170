/** The consent record's columns of a submission. */
export interface ConsentColumns {
  consent_version: string | null;
  consent_at: string | null;
  consent_ip: string | null;
  consent_user_agent: string | null;
}

/**
 * A rating's consent record. A rating asks for no personal data: its IP and user agent are kept
 * only as the record of a consent it carried, when it was given — contacts (the page says leaving
 * them is consent to their processing under the text's `version`) or publication of the review.
 * A bare score and comment keep none. null: this send gave no consent (a change keeps the earlier).
 * @example ratingConsent('2026-11-22', { contacts: false, publish: false }, meta, now) // null
 */
export function ratingConsent(
  version: string,
  given: { contacts: boolean; publish: boolean },
  meta: { ip: string | null; userAgent: string | null },
  at: string,
): ConsentColumns | null {
  if (!given.contacts && !given.publish) return null;
  return {
    consent_version: given.contacts ? version : null,
    consent_at: at,
    consent_ip: meta.ip,
    consent_user_agent: meta.userAgent,
  };
}

/** No consent given: nothing recorded. */
export const NO_CONSENT: ConsentColumns = {
  consent_version: null,
  consent_at: null,
  consent_ip: null,
  consent_user_agent: null,
};
