import { describe, expect, it } from 'vitest';
import { associatedData, generateUnlockKey, KeyManager, memoryKeyStore } from '../src/index.js';

const ad = associatedData('test', 'record');
const plain = Buffer.from('payload');

describe('KeyManager: data keys, autolock and durable encryption counts', () => {
  it('creates a data key and stores it unwrapped when autolock is off', () => {
    const keyStore = memoryKeyStore();
    const keys = KeyManager.open({ keyStore });
    expect(keys.status()).toMatchObject({
      autolock: false,
      dataKeyId: 1,
      encryptions: 0,
      rotationDue: false,
    });
    const sealed = keys.recordCipher.encrypt(plain, ad);
    keys.close();
    const again = KeyManager.open({ keyStore });
    expect(Buffer.from(again.recordCipher.decrypt(sealed, ad)).toString()).toBe('payload');
    expect(JSON.parse(Buffer.from(keyStore.bytes!).toString())).toMatchObject({ autolock: false });
  });

  it('keeps the data key only wrapped under the unlock key when autolocked', () => {
    const keyStore = memoryKeyStore();
    const unlockKey = generateUnlockKey();
    const keys = KeyManager.open({ keyStore, unlockKey });
    const sealed = keys.recordCipher.encrypt(plain, ad);
    keys.close();
    const file = JSON.parse(Buffer.from(keyStore.bytes!).toString());
    expect(file.autolock).toBe(true);
    expect(file.keyring).toBeUndefined();
    expect(JSON.stringify(file)).not.toContain(unlockKey.reveal().slice(9));
    expect(() => KeyManager.open({ keyStore })).toThrow(expect.objectContaining({ code: 'LOCKED' }));
    expect(() => KeyManager.open({ keyStore, unlockKey: generateUnlockKey() })).toThrow(
      expect.objectContaining({ code: 'INVALID_UNLOCK_KEY' }),
    );
    const opened = KeyManager.open({ keyStore, unlockKey: unlockKey.reveal() });
    expect(Buffer.from(opened.recordCipher.decrypt(sealed, ad)).toString()).toBe('payload');
  });

  it('always refuses a wrong unlock key (200 random keys)', () => {
    const keyStore = memoryKeyStore();
    KeyManager.open({ keyStore, unlockKey: generateUnlockKey() }).close();
    const before = Buffer.from(keyStore.bytes!);
    for (let i = 0; i < 200; i++) {
      expect(() => KeyManager.open({ keyStore, unlockKey: generateUnlockKey() })).toThrow(
        expect.objectContaining({ code: 'INVALID_UNLOCK_KEY' }),
      );
    }
    expect(Buffer.from(keyStore.bytes!).equals(before)).toBe(true);
  });

  it('refuses an unlock key for a store that is not autolocked', () => {
    const keyStore = memoryKeyStore();
    KeyManager.open({ keyStore }).close();
    expect(() => KeyManager.open({ keyStore, unlockKey: generateUnlockKey() })).toThrow(
      expect.objectContaining({ code: 'NOT_LOCKED' }),
    );
  });

  it('rewraps the data key on unlock key rotation, so only the new key opens it', () => {
    const keyStore = memoryKeyStore();
    const first = generateUnlockKey();
    const keys = KeyManager.open({ keyStore, unlockKey: first });
    const sealed = keys.recordCipher.encrypt(plain, ad);
    const second = keys.rotateUnlockKey();
    keys.close();
    expect(() => KeyManager.open({ keyStore, unlockKey: first })).toThrow(
      expect.objectContaining({ code: 'INVALID_UNLOCK_KEY' }),
    );
    const opened = KeyManager.open({ keyStore, unlockKey: second });
    expect(Buffer.from(opened.recordCipher.decrypt(sealed, ad)).toString()).toBe('payload');
    opened.disableAutolock();
    opened.close();
    expect(KeyManager.open({ keyStore }).status().autolock).toBe(false);
  });

  it('counts encryptions durably: a restart never reuses a reserved nonce budget', () => {
    const keyStore = memoryKeyStore();
    const keys = KeyManager.open({ keyStore, nonceReservation: 10 });
    for (let i = 0; i < 25; i++) keys.recordCipher.encrypt(plain, ad);
    expect(keys.status().encryptions).toBe(25);
    keys.close();
    const again = KeyManager.open({ keyStore, nonceReservation: 10 });
    // 25 used, 30 reserved on disk: the restart counts all 30 as spent.
    expect(again.status().encryptions).toBe(30);
    again.recordCipher.encrypt(plain, ad);
    expect(again.status().encryptions).toBe(31);
  });

  it('flags a rotation as due at the threshold and refuses to seal past the hard limit', () => {
    const keys = KeyManager.open({ keyStore: memoryKeyStore(), rotateDataKeyAfter: 3, encryptionLimit: 5 });
    for (let i = 0; i < 3; i++) keys.recordCipher.encrypt(plain, ad);
    expect(keys.status().rotationDue).toBe(true);
    keys.recordCipher.encrypt(plain, ad);
    keys.recordCipher.encrypt(plain, ad);
    expect(() => keys.recordCipher.encrypt(plain, ad)).toThrow(
      expect.objectContaining({ code: 'DATA_KEY_EXHAUSTED' }),
    );
    keys.beginDataKeyRotation();
    keys.finishDataKeyRotation();
    expect(keys.status()).toMatchObject({ dataKeyId: 2, encryptions: 0, rotationDue: false });
    keys.recordCipher.encrypt(plain, ad);
  });

  it('seals with the pending key during a data key rotation and forgets the old key after it', () => {
    const keys = KeyManager.open({ keyStore: memoryKeyStore() });
    const old = keys.recordCipher.encrypt(plain, ad);
    expect(keys.beginDataKeyRotation()).toBe(2);
    expect(keys.beginDataKeyRotation()).toBe(2);
    const fresh = keys.recordCipher.encrypt(plain, ad);
    expect(keys.isSealedWithActiveKey(fresh)).toBe(true);
    expect(keys.isSealedWithActiveKey(old)).toBe(false);
    expect(Buffer.from(keys.recordCipher.decrypt(old, ad)).toString()).toBe('payload');
    keys.finishDataKeyRotation();
    expect(() => keys.recordCipher.decrypt(old, ad)).toThrow(
      expect.objectContaining({ code: 'RECORD_AUTHENTICATION_FAILED' }),
    );
    expect(Buffer.from(keys.recordCipher.decrypt(fresh, ad)).toString()).toBe('payload');
    expect(() => keys.finishDataKeyRotation()).toThrow(RangeError);
  });

  it('reports a damaged key file with KEY_FILE_INVALID', () => {
    for (const bytes of [
      'not json',
      '{"format":"other"}',
      '{"format":"swarm-secret-store-keys","version":1,"autolock":false}',
    ]) {
      expect(() => KeyManager.open({ keyStore: memoryKeyStore(Buffer.from(bytes)) })).toThrow(
        expect.objectContaining({ code: 'KEY_FILE_INVALID' }),
      );
    }
  });

  it('refuses to use keys after close', () => {
    const keys = KeyManager.open({ keyStore: memoryKeyStore() });
    keys.close();
    expect(() => keys.recordCipher.encrypt(plain, ad)).toThrow(
      expect.objectContaining({ code: 'STORE_CLOSED' }),
    );
  });
});
