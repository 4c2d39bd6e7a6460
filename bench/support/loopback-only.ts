// Preloaded into a third-party server (Portkey) that always binds every interface: pin it to 127.0.0.1.
import net from 'node:net';

const listen = net.Server.prototype.listen as (...args: unknown[]) => net.Server;
net.Server.prototype.listen = function (this: net.Server, ...args: unknown[]) {
  const first = args[0];
  if (typeof first === 'number' || typeof first === 'string') {
    const rest = args.slice(1).filter((a) => typeof a === 'function');
    return listen.call(this, { port: Number(first), host: '127.0.0.1' }, ...rest);
  }
  if (first && typeof first === 'object' && !('path' in first)) args[0] = { ...first, host: '127.0.0.1' };
  return listen.apply(this, args);
} as typeof net.Server.prototype.listen;
