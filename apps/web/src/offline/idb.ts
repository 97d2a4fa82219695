/** A minimal promise wrapper over one IndexedDB object store. */
const DB_NAME = 'creatorflow';
const DB_VERSION = 1;
export const OUTBOX_STORE = 'outbox';

let opening: Promise<IDBDatabase> | undefined;

function open(): Promise<IDBDatabase> {
  opening ??= new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open(DB_NAME, DB_VERSION);
    request.onupgradeneeded = () => {
      const db = request.result;
      if (!db.objectStoreNames.contains(OUTBOX_STORE)) db.createObjectStore(OUTBOX_STORE, { keyPath: 'id' });
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => {
      opening = undefined;
      reject(request.error ?? new Error('IndexedDB could not be opened'));
    };
  });
  return opening;
}

function done<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB request failed'));
  });
}

export async function idbAll<T>(store: string): Promise<T[]> {
  const db = await open();
  return done(db.transaction(store, 'readonly').objectStore(store).getAll() as IDBRequest<T[]>);
}

export async function idbPut<T>(store: string, value: T): Promise<void> {
  const db = await open();
  const tx = db.transaction(store, 'readwrite');
  tx.objectStore(store).put(value);
  await new Promise<void>((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error ?? new Error('IndexedDB write failed'));
    tx.onabort = () => reject(tx.error ?? new Error('IndexedDB write aborted'));
  });
}

export async function idbDelete(store: string, key: string): Promise<void> {
  const db = await open();
  const tx = db.transaction(store, 'readwrite');
  tx.objectStore(store).delete(key);
  await new Promise<void>((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error ?? new Error('IndexedDB delete failed'));
  });
}

export async function idbGet<T>(store: string, key: string): Promise<T | undefined> {
  const db = await open();
  return done(db.transaction(store, 'readonly').objectStore(store).get(key) as IDBRequest<T | undefined>);
}

/**
 * Reads one record and replaces or deletes it in the same transaction, so no
 * other write to it can slip in between (compare-and-delete for the outbox).
 * `change` returns the new value, `null` to delete, or `undefined` to leave it.
 */
export async function idbUpdate<T>(store: string, key: string, change: (current: T | undefined) => T | null | undefined): Promise<void> {
  const db = await open();
  const tx = db.transaction(store, 'readwrite');
  const objects = tx.objectStore(store);
  const read = objects.get(key) as IDBRequest<T | undefined>;
  read.onsuccess = () => {
    const next = change(read.result);
    if (next === null) objects.delete(key);
    else if (next !== undefined) objects.put(next);
  };
  await new Promise<void>((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error ?? new Error('IndexedDB update failed'));
    tx.onabort = () => reject(tx.error ?? new Error('IndexedDB update aborted'));
  });
}
