// Preloaded with `node --import ./loopback.mjs`: keeps every server in this process on loopback.
//
// Neither the PDS nor the PLC directory has a listen-address setting: both call
// `app.listen(port)`, which binds every interface. A test server must not be reachable from the
// network, so a listen without a host gets 127.0.0.1.
import dns from 'node:dns';
import net from 'node:net';

const LOOPBACK = '127.0.0.1';
const listen = net.Server.prototype.listen;

net.Server.prototype.listen = function (...args) {
  const [first] = args;
  if (typeof first === 'object' && first !== null) {
    // listen(options[, callback]): a port without a host. A path, fd or handle stays as it is.
    if ('port' in first && first.host === undefined) {
      args[0] = { ...first, host: LOOPBACK };
    }
  } else if (typeof first !== 'string' || /^\d+$/.test(first)) {
    // listen([port][, host][, backlog][, callback]). A string that is not a number is a pipe's path.
    if (typeof first === 'function') {
      args.unshift(0);
    }
    if (typeof args[1] !== 'string') {
      args.splice(1, 0, LOOPBACK);
    }
  }
  return listen.apply(this, args);
};

// The PDS reaches the PLC directory at http://localhost:PORT (it refuses IP-address hosts), and
// the directory listens on 127.0.0.1 only: resolve localhost to IPv4 first, not to ::1.
dns.setDefaultResultOrder('ipv4first');
