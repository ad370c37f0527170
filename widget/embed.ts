/**
 * Otklik's embed script, the only thing a site pastes:
 *   <script src="https://feedback.example.ru/embed.js" async></script>
 *   <otklik-feedback></otklik-feedback>
 *   <otklik-rating subject="employee" employee="ivanov"></otklik-rating>
 *   <otklik-reviews employee="ivanov" limit="5"></otklik-reviews>
 * Built as a classic script (IIFE) under 2 KB brotli. It defines the custom elements and loads each
 * widget's code from `w/` next to itself only when the widget is needed. A new widget is one more
 * `defineWidget` line and one more entry in scripts/build-widget.ts; chunks share Preact.
 */
import { defineWidget } from './loader/define-widget.ts';
import { scriptBase } from './loader/script-base.ts';

// currentScript is set while a classic script (async included) first runs; it is null in modules.
const base = scriptBase((document.currentScript as HTMLScriptElement | null)?.src, location.href);

defineWidget('otklik-feedback', 'feedback', base);
defineWidget('otklik-rating', 'rating', base);
defineWidget('otklik-reviews', 'reviews', base);
