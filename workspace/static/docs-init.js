// Starts Swagger UI on /api/v1/docs (see templates/swagger_ui.html). A file, not an inline
// script, so the page runs under the app's Content-Security-Policy (script-src 'self').
window.addEventListener("load", function () {
  var container = document.getElementById("swagger-ui-container");
  var config = { url: container.dataset.specUrl, dom_id: "#swagger-ui-container" };
  var extra = JSON.parse(container.dataset.config || "{}");
  for (var name in extra) {
    config[name] = extra[name];
  }
  window.ui = SwaggerUIBundle(config);
});
