import type { Lang } from '../../shared/lang.ts';
import type { Clock } from '../clock.ts';
import type { Db } from '../db/connection.ts';
import { consentText } from '../hosted/legal.ts';
import type { ConsentConfig } from '../privacy-config.ts';

const LANGS: Lang[] = ['ru', 'en'];

/**
 * Keeps the consent text of this version as its page shows it (152-ФЗ: what a client agreed to
 * must stay answerable once CONSENT_FILE changes), once per version and language, at start. A
 * text changed under a version already kept is not kept over it: said, so that the operator gives
 * it a new CONSENT_VERSION (the submissions of then record the old one). Returns that warning, or null.
 * @example const changed = await keepConsentText(db, clock, config.companyName, config.consent)
 */
export async function keepConsentText(
  db: Db,
  clock: Clock,
  companyName: string,
  consent: ConsentConfig,
): Promise<string | null> {
  const changed: Lang[] = [];
  for (const lang of LANGS) {
    const html = await consentText(companyName, consent, lang);
    await db
      .insertInto('consent_texts')
      .values({ version: consent.version, lang, html, first_shown_at: clock.now().toISOString() })
      .onConflict((oc) => oc.columns(['version', 'lang']).doNothing())
      .execute();
    const kept = await db
      .selectFrom('consent_texts')
      .select('html')
      .where('version', '=', consent.version)
      .where('lang', '=', lang)
      .executeTakeFirstOrThrow();
    if (kept.html !== html) changed.push(lang);
  }
  if (changed.length === 0) return null;
  return (
    `Текст согласия на обработку персональных данных (${changed.join(', ')}) изменился, а его версия осталась прежней (CONSENT_VERSION=${consent.version}): задайте новую версию, чтобы обращения записывали, с каким текстом согласился клиент.\n` +
    `The consent text (${changed.join(', ')}) changed under the same version (CONSENT_VERSION=${consent.version}): give it a new version, so that submissions record which text their client agreed to.`
  );
}
