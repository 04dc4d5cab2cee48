// Swagger UI over dyad's own OpenAPI description, from dyad's own copy of the library.
window.addEventListener("DOMContentLoaded", function () {
  window.SwaggerUIBundle({ url: "/api/openapi.json", dom_id: "#swagger-ui" });
});
