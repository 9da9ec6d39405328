// Starts the browser opening the app's IndexedDB cache while the app's bundle still loads
// and compiles. After a browser restart the backend's first open of a big cache takes
// 250–800 ms; begun here, at parse time, it overlaps the bundle instead of following it.
// A plain script (not bundled) so it runs before the deferred module. The name must
// match DB_NAME in db/schema.ts (db/openCache.test.ts checks). With no cache yet it
// creates nothing: the app's schema does that. The connection closes at once: the
// backend keeps the store open for a moment, long enough for the app's own open to
// find it warm.
(function () {
  try {
    var request = indexedDB.open('workstation');
    request.onupgradeneeded = function () {
      request.transaction.abort();
    };
    request.onsuccess = function () {
      request.result.close();
    };
    request.onerror = function (event) {
      event.preventDefault();
    };
  } catch (error) {
    // No IndexedDB here (a private window): the app reports it itself.
  }
})();
