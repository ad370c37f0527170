/**
 * The directory of the URL the loader was fetched from: every other request of the widget
 * (chunks, API, legal pages) goes there, whatever the host page's origin.
 * @example scriptBase('https://feedback.example.ru/embed.js?v=2') // 'https://feedback.example.ru/'
 */
export function scriptBase(src: string | undefined, fallback: string): string {
  return new URL('./', src || fallback).href;
}
