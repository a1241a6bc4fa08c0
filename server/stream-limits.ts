/** How many live streams the host keeps open at once. */
export interface StreamCaps {
  perAddress: number;
  total: number;
}

/**
 * Counts open live streams per client address and in all. Each stream holds a socket and a little
 * memory for as long as it lives; without a cap one PC on the network could open thousands.
 */
export class StreamLimits {
  private readonly byAddress = new Map<string, number>();
  private total = 0;

  constructor(private readonly caps: StreamCaps) {}

  /** A release for the slot taken, or null when the address or the host is at its cap. */
  admit(remoteAddress: string | undefined): (() => void) | null {
    // An IPv4 client on a dual-stack socket appears as ::ffff:a.b.c.d; it is one client either way.
    const address = (remoteAddress ?? '').replace(/^::ffff:/, '');
    const open = this.byAddress.get(address) ?? 0;
    if (open >= this.caps.perAddress || this.total >= this.caps.total) return null;
    this.byAddress.set(address, open + 1);
    this.total++;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.total--;
      const left = (this.byAddress.get(address) ?? 1) - 1;
      if (left === 0) this.byAddress.delete(address);
      else this.byAddress.set(address, left);
    };
  }
}
