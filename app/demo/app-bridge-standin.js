// Offline stand-in for Shopify App Bridge (served at /demo/app-bridge.js in the demo only).
// Shopify's script comes from its CDN and runs inside the admin's iframe; offline there is
// neither, so this provides the parts Clause uses: `shopify.idToken()` (session tokens the demo
// mints with the app's own secret), the fetch patch that sends them as Authorization headers,
// toasts, the save bar, loading, and the <ui-nav-menu> / <ui-title-bar> elements.
(function () {
  "use strict";
  var params = new URLSearchParams(location.search);
  var shop = params.get("shop") || sessionStorage.getItem("clause-demo-shop") || "";
  if (shop) sessionStorage.setItem("clause-demo-shop", shop);
  var current = { token: params.get("id_token"), expiresAt: 0 };
  if (current.token) {
    try {
      current.expiresAt = JSON.parse(atob(current.token.split(".")[1].replace(/-/g, "+").replace(/_/g, "/"))).exp * 1000;
    } catch {
      current.token = null;
    }
  }

  function idToken() {
    if (current.token && current.expiresAt - Date.now() > 10000) return Promise.resolve(current.token);
    return nativeFetch("/demo/session-token?shop=" + encodeURIComponent(shop))
      .then(function (r) {
        if (!r.ok) throw new Error("demo session token: HTTP " + r.status);
        return r.json();
      })
      .then(function (body) {
        current = { token: body.token, expiresAt: body.expiresAt };
        return body.token;
      });
  }

  // Like App Bridge: requests to the app's own origin carry the session token.
  var nativeFetch = window.fetch.bind(window);
  window.fetch = function (input, init) {
    var url = new URL(input instanceof Request ? input.url : String(input), location.href);
    if (url.origin !== location.origin || url.pathname.indexOf("/demo/") === 0) return nativeFetch(input, init);
    return idToken().then(function (token) {
      var headers = new Headers((init && init.headers) || (input instanceof Request ? input.headers : undefined));
      if (!headers.has("Authorization")) headers.set("Authorization", "Bearer " + token);
      return nativeFetch(input, Object.assign({}, init, { headers: headers }));
    });
  };

  var toastHost;
  function toast(message, options) {
    if (!toastHost) {
      toastHost = document.createElement("div");
      toastHost.setAttribute("role", "status");
      toastHost.setAttribute("aria-live", "polite");
      toastHost.style.cssText = "position:fixed;bottom:24px;left:50%;transform:translateX(-50%);z-index:1000;display:flex;flex-direction:column;gap:8px";
      document.body.appendChild(toastHost);
    }
    var el = document.createElement("div");
    el.className = "clause-demo-toast";
    el.textContent = message;
    el.style.cssText = "background:" + (options && options.isError ? "#8e1f0b" : "#303030") + ";color:#fff;padding:10px 16px;border-radius:8px;font:14px/20px system-ui,sans-serif;box-shadow:0 4px 12px rgba(0,0,0,.2)";
    toastHost.appendChild(el);
    setTimeout(function () { el.remove(); }, (options && options.duration) || 5000);
    return String(Date.now());
  }

  window.shopify = {
    config: { apiKey: (document.currentScript && document.currentScript.dataset.apiKey) || "", shop: shop, locale: navigator.language || "en" },
    environment: { embedded: false, mobile: false, pos: false },
    origin: location.origin,
    idToken: idToken,
    toast: { show: toast, hide: function () {} },
    loading: function () {},
    saveBar: { show: function () { return Promise.resolve(); }, hide: function () { return Promise.resolve(); }, toggle: function () { return Promise.resolve(); }, leaveConfirmation: function () { return Promise.resolve(); } },
    modal: { show: function () { return Promise.resolve(); }, hide: function () { return Promise.resolve(); }, toggle: function () { return Promise.resolve(); } },
  };

  // The admin's navigation, drawn inside <ui-nav-menu>'s own shadow root: offline there is no
  // admin frame around the app, and the page's DOM must stay as the server rendered it so that
  // React can hydrate it.
  if (!customElements.get("ui-nav-menu")) {
    customElements.define("ui-nav-menu", class extends HTMLElement {
      connectedCallback() {
        if (this.shadowRoot) return;
        var root = this.attachShadow({ mode: "open" });
        var nav = document.createElement("nav");
        nav.setAttribute("aria-label", "Clause");
        nav.style.cssText = "display:flex;gap:20px;padding:10px 20px;background:#1a1a1a;font:14px system-ui,sans-serif";
        root.appendChild(nav);
        var render = () => {
          nav.textContent = "";
          Array.prototype.forEach.call(this.querySelectorAll("a"), function (a) {
            var link = document.createElement("a");
            link.href = a.getAttribute("href");
            link.textContent = a.textContent;
            link.style.cssText = "color:#fff;text-decoration:none";
            link.addEventListener("click", function (event) {
              event.preventDefault();
              a.dispatchEvent(new CustomEvent("shopify:navigate", { bubbles: true }));
            });
            nav.appendChild(link);
          });
        };
        render();
        new MutationObserver(render).observe(this, { childList: true, subtree: true, characterData: true });
      }
    });
  }
  ["ui-title-bar", "ui-save-bar", "ui-modal"].forEach(function (name) {
    if (!customElements.get(name)) customElements.define(name, class extends HTMLElement {});
  });
})();
