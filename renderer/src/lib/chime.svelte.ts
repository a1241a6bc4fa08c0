/** Two rising tones, like an office call system: notes in Hz and the length of each in seconds. */
const NOTES = [659.25, 880] as const;
const NOTE_SECONDS = 0.45;
const VOLUME = 0.25;

/**
 * The call chime, made with the Web Audio API (no sound files to ship). Browsers start audio
 * "suspended" until someone touches the page; `blocked` tells the page to offer a button for that,
 * and any first click or key press on the page unlocks it too.
 */
export class Chime {
  blocked = $state(false);
  private context: AudioContext | null = null;

  /** Creates the audio context and listens for the first gesture that may unlock it. */
  prepare(): void {
    if (this.context || typeof AudioContext === 'undefined') return;
    this.context = new AudioContext();
    this.blocked = this.context.state !== 'running';
    this.context.onstatechange = () => (this.blocked = this.context?.state !== 'running');
    window.addEventListener('pointerdown', this.unlock, { once: true });
    window.addEventListener('keydown', this.unlock, { once: true });
  }

  readonly unlock = async (): Promise<void> => {
    await this.context?.resume().catch(() => undefined);
  };

  /** Plays the chime and settles when it has finished; settles at once while audio is blocked. */
  play(): Promise<void> {
    const context = this.context;
    if (!context || context.state !== 'running') return Promise.resolve();
    const start = context.currentTime + 0.05;
    NOTES.forEach((frequency, index) => {
      const oscillator = context.createOscillator();
      const gain = context.createGain();
      const noteStart = start + index * NOTE_SECONDS;
      oscillator.type = 'sine';
      oscillator.frequency.value = frequency;
      // A soft attack and decay: a hard-edged sine clicks on cheap TV speakers.
      gain.gain.setValueAtTime(0, noteStart);
      gain.gain.linearRampToValueAtTime(VOLUME, noteStart + 0.03);
      gain.gain.exponentialRampToValueAtTime(0.001, noteStart + NOTE_SECONDS);
      oscillator.connect(gain).connect(context.destination);
      oscillator.start(noteStart);
      oscillator.stop(noteStart + NOTE_SECONDS);
    });
    const totalMs = (0.05 + NOTES.length * NOTE_SECONDS) * 1000;
    return new Promise((resolve) => setTimeout(resolve, totalMs));
  }

  close(): void {
    window.removeEventListener('pointerdown', this.unlock);
    window.removeEventListener('keydown', this.unlock);
    void this.context?.close();
    this.context = null;
  }
}
