import type { Lang, LocalizedText } from '../../../core/types.js';

/** Languages offered, in the order the switch shows them; Danish first. Add one here and in each page's texts. */
export const LANGUAGE_CHOICES: readonly { lang: Lang; label: string; dir: 'ltr' | 'rtl' }[] = [
  { lang: 'da', label: 'Dansk', dir: 'ltr' },
  { lang: 'en', label: 'English', dir: 'ltr' },
];

/** The switch's own label, in the language it is currently showing. */
export const LANGUAGE_LABEL: LocalizedText = { da: 'Sprog', en: 'Language' };

class Language {
  current = $state<Lang>('da');

  set(lang: Lang): void {
    this.current = lang;
    const choice = LANGUAGE_CHOICES.find((c) => c.lang === lang);
    // Screen readers pick their voice from the page language.
    document.documentElement.lang = lang;
    document.documentElement.dir = choice?.dir ?? 'ltr';
  }
}

export const language = new Language();

/** The text in the current language. */
export function tr(text: LocalizedText): string {
  return text[language.current];
}
