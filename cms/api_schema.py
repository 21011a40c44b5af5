"""The API's OpenAPI schema says what the server does (issue 11): its errors, its auth, its limits.

django-ninja documents the success answer of each operation only, and Wagtail's optional
token (``auth=[BearerTokenAuth(), AllowAnonymous()]``) becomes a security scheme of type
``http`` without ``scheme``, which is not valid OpenAPI. ``complete(schema)`` fixes both on
the generated schema:

* optional authentication is written the OpenAPI way: ``security: [{BearerTokenAuth: []}, {}]``
  (a token, or none), and the invalid scheme is gone;
* every operation documents the problem+json errors any of them can answer (400 malformed
  input such as NUL characters, 401/403 tokens and permissions, 404, 405, 422 validation,
  500), with RFC 7807's shape;
* ``limit`` and ``offset`` carry the bounds the server enforces (``cms.api.MAX_INT``,
  ``WAGTAILAPI_LIMIT_MAX``), and text parameters say that they take no NUL character.

Rules that OpenAPI cannot state (an opaque signed ``cursor``; ``fallback`` needs ``locale``;
``child_of`` excludes ``descendant_of``; a ``search`` needs a letter or digit and balanced
quotes) are in the parameters' descriptions and answer a documented 400 or 422.
"""

from django.conf import settings

PROBLEM = {
    "title": "Problem",
    "type": "object",
    "description": "RFC 7807 problem details (application/problem+json).",
    "properties": {
        "type": {"type": "string"},
        "title": {"type": "string"},
        "status": {"type": "integer"},
        "detail": {"type": "string"},
        "errors": {"type": "array", "items": {"type": "object"}},
    },
    "required": ["type", "title", "status"],
}
ERRORS = {
    "400": "Malformed input (NUL characters, digits other than 0-9, numbers out of range).",
    "401": "A token is needed (or the one sent is not valid).",
    "403": "The token's user may not do this.",
    "404": "Nothing here, or nothing the caller may see.",
    "405": "Method not allowed.",
    "422": "A parameter or the body is not valid.",
    "429": "Too many requests.",
    "500": "Server error (logged).",
}
OPTIONAL_AUTH = "AllowAnonymous"
NO_NUL = "^[^\\u0000]*$"


def _problem_responses():
    content = {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}
    return {code: {"description": text, "content": content} for code, text in ERRORS.items()}


def _fix_security(operation):
    security = operation.get("security")
    if not security:
        return
    anonymous = any(OPTIONAL_AUTH in requirement for requirement in security)
    security = [requirement for requirement in security if OPTIONAL_AUTH not in requirement]
    if anonymous:
        security.append({})
    operation["security"] = security


def _bound_parameters(operation, max_int):
    for parameter in operation.get("parameters", []):
        schema = parameter.get("schema", {})
        if schema.get("type") == "string" and "pattern" not in schema and "enum" not in schema:
            schema["pattern"] = NO_NUL  # PostgreSQL refuses NUL in text: a 400
        if parameter.get("in") != "query" or schema.get("type") != "integer":
            continue
        if parameter["name"] == "limit":
            schema.setdefault("minimum", 1)
            schema["maximum"] = min(schema.get("maximum", max_int), settings.WAGTAILAPI_LIMIT_MAX)
        elif parameter["name"] == "offset":
            schema.setdefault("minimum", 0)
            schema.setdefault("maximum", max_int)


def complete(schema, max_int):
    components = schema.setdefault("components", {})
    components.setdefault("schemas", {})["Problem"] = PROBLEM
    components.get("securitySchemes", {}).pop(OPTIONAL_AUTH, None)
    for methods in schema.get("paths", {}).values():
        for operation in methods.values():
            _fix_security(operation)
            _bound_parameters(operation, max_int)
            responses = operation.setdefault("responses", {})
            for code, response in _problem_responses().items():
                responses.setdefault(code, response)
    return schema


def install(api, max_int):
    """Make ``api``'s schema (``/openapi.json``, the docs) the completed one."""
    generate = api.get_openapi_schema
    if getattr(generate, "completed", False):
        return

    def get_openapi_schema(*args, **kwargs):
        return complete(generate(*args, **kwargs), max_int)

    get_openapi_schema.completed = True
    api.get_openapi_schema = get_openapi_schema
