/*
 * Quire first-paint boot (classic script, loaded blocking in <head>).
 * IndexedDB is the settings' source of truth, but it is asynchronous; this reads the
 * small localStorage mirror ('quire:paint') that applySettings writes, and sets the
 * theme and reading variables on <html> before the first frame, so a stored dark
 * theme never flashes light. It also starts opening IndexedDB (see the end). It must never
 * throw: anything odd leaves the defaults.
 * Keep THEME_COLORS equal to src/settings/themes.ts (a unit test checks).
 */
(function () {
  var THEME_COLORS = { light: '#fbf8f1', sepia: '#f4ecd8', dark: '#1b1c20', black: '#000000' };
  var root = document.documentElement;

  function matches(query) {
    try {
      return typeof window.matchMedia === 'function' && window.matchMedia(query).matches;
    } catch (e) {
      return false;
    }
  }

  var mirror = null;
  try {
    var raw = window.localStorage.getItem('quire:paint');
    var parsed = raw ? JSON.parse(raw) : null;
    if (parsed && typeof parsed === 'object' && parsed.v === 1) mirror = parsed;
  } catch (e) {
    mirror = null;
  }

  try {
    var choice = mirror && typeof mirror.theme === 'string' ? mirror.theme : 'system';
    var theme = THEME_COLORS.hasOwnProperty(choice) ? choice : matches('(prefers-color-scheme: dark)') ? 'dark' : 'light';
    root.setAttribute('data-theme', theme);

    var meta = document.querySelector('meta[name="theme-color"]:not([media])');
    if (!meta) {
      meta = document.createElement('meta');
      meta.setAttribute('name', 'theme-color');
      document.head.appendChild(meta);
    }
    meta.setAttribute('content', THEME_COLORS[theme]);

    var columns = mirror && (mirror.columns === 'one' || mirror.columns === 'two') ? mirror.columns : 'auto';
    root.setAttribute('data-columns', columns);
    var turn = mirror && mirror.pageTurn === 'none' ? 'none' : 'slide';
    root.setAttribute('data-page-turn', matches('(prefers-reduced-motion: reduce)') ? 'none' : turn);

    var vars = mirror && mirror.vars && typeof mirror.vars === 'object' ? mirror.vars : {};
    for (var name in vars) {
      if (!Object.prototype.hasOwnProperty.call(vars, name)) continue;
      var value = vars[name];
      if (/^--reader-[a-z-]+$/.test(name) && typeof value === 'string' && value.length < 300) {
        root.style.setProperty(name, value);
      }
    }
  } catch (e) {
    // A half-applied mirror is still better than none; the app re-applies from IndexedDB.
  }

  // Open the database now, while the main script is still on its way: on a return visit the
  // app takes this connection (src/storage/early.ts) rather than waiting for its own. No
  // version is asked for, so nothing is created or upgraded here: a new database's upgrade is
  // aborted (which deletes it again), and one at another version is closed by the app, which
  // then opens and upgrades it as it always has.
  try {
    var factory = window.indexedDB;
    if (factory) {
      var request = factory.open('quire');
      window.quireEarlyDb = new Promise(function (resolve) {
        request.onupgradeneeded = function () {
          try {
            request.transaction.abort();
          } catch (e) {
            // already ending
          }
        };
        request.onsuccess = function () {
          var db = request.result;
          // Until the app takes it, give way at once to another tab's upgrade.
          db.onversionchange = function () {
            db.quireClosed = true;
            db.close();
          };
          resolve(db);
        };
        request.onerror = function (event) {
          if (event && event.preventDefault) event.preventDefault();
          resolve(null);
        };
      });
    }
  } catch (e) {
    window.quireEarlyDb = undefined;
  }
})();
