// Makes the sealed-record test vector in record-cipher.test.ts independently of src/: plain
// node:crypto, the layout written out by hand. Run: node test/vectors/make-record-vector.mjs
import { createCipheriv } from 'node:crypto';

const key = Buffer.alloc(32, 0x11);
const nonce = Buffer.from('000102030405060708090a0b', 'hex');
const header = Buffer.concat([Buffer.from([1, 0, 0, 0, 7]), nonce]);
// associatedData('secret-data', 'abc')
const ad = Buffer.concat([
  Buffer.from('k'),
  Buffer.from([0, 0, 0, 11]),
  Buffer.from('secret-data'),
  Buffer.from('s'),
  Buffer.from([0, 0, 0, 3]),
  Buffer.from('abc'),
]);
const c = createCipheriv('aes-256-gcm', key, nonce);
c.setAAD(Buffer.concat([Buffer.from('swarm-record/1\0'), header.subarray(0, 5), ad]));
const body = Buffer.concat([c.update(Buffer.from('vector plaintext')), c.final()]);
console.log(ad.toString('hex'));
console.log(Buffer.concat([header, body, c.getAuthTag()]).toString('hex'));
