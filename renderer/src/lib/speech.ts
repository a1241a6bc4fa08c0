/**
 * Danish speech through the browser's speechSynthesis. Only a Danish voice may read a call: an
 * English voice reading "Nummer M 0 0 1, skranke 2" is harder to follow than the chime alone.
 */
function danishVoice(): SpeechSynthesisVoice | null {
  if (!('speechSynthesis' in window)) return null;
  return speechSynthesis.getVoices().find((voice) => voice.lang.toLowerCase().startsWith('da')) ?? null;
}

/** Says the text in Danish and settles when it has been said; settles at once when no Danish voice exists. */
export function speakDanish(text: string): Promise<void> {
  const voice = danishVoice();
  if (!voice) return Promise.resolve();
  return new Promise((resolve) => {
    const utterance = new SpeechSynthesisUtterance(text);
    utterance.voice = voice;
    utterance.lang = voice.lang;
    utterance.rate = 0.9;
    utterance.onend = () => resolve();
    utterance.onerror = () => resolve();
    speechSynthesis.speak(utterance);
  });
}

/** Chromium loads its voice list on first request; asking early means the first call already has a voice. */
export function prepareSpeech(): void {
  if ('speechSynthesis' in window) speechSynthesis.getVoices();
}
