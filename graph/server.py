"""A read-only SPARQL 1.1 Protocol endpoint over a graph file or an Oxigraph store.

``GET /sparql?query=...`` and ``POST /sparql`` (``application/sparql-query`` or a form with
``query=``) answer with SPARQL results as JSON, XML, CSV or TSV (SELECT, ASK) or with Turtle,
N-Triples or JSON-LD (CONSTRUCT, DESCRIBE), chosen by the Accept header; ``GET /`` is a small
query page. The endpoint is read-only and self-contained: SPARQL Update is refused (403) and so is
``SERVICE``; ``FROM`` names graphs of the store, never files or URLs.

Queries run in a pool of child processes (:class:`~graph.rdf.stores.workers.QueryWorker`), each with the
store open read-only: a query that runs longer than the time limit is killed (503), at most
``max_rows`` rows are returned (the ``X-Newsgraph-Truncated`` header says when rows were cut),
and when every worker is busy a request gets 503 at once. Built on the standard library's
``ThreadingHTTPServer``; binds to loopback unless told otherwise.
"""

from __future__ import annotations

import contextlib
import html
import queue
import shutil
import socket
import tempfile
import threading
import urllib.parse
from collections.abc import Iterator
from dataclasses import dataclass
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from .errors import NewsgraphError, QueryError, QueryTimeoutError, StoreError
from .formats import GRAPH_TYPES, RESULT_CONTENT_TYPES, RESULT_TYPES
from .queries import QueryResult, bind_parameters, example_queries, query_result
from .rdf.namespaces import PREFIXES, compact_iri
from .rdf.results import RawResult, serialize_result, serialize_triples
from .rdf.sparql import check_query
from .rdf.stores import OxigraphStore
from .rdf.stores.workers import QueryWorker

__all__ = ["ServerSettings", "SparqlServer", "serve", "negotiate", "serialize_result", "RESULT_TYPES"]


@dataclass(frozen=True)
class ServerSettings:
    """Limits of the endpoint."""

    host: str = "127.0.0.1"
    port: int = 7070
    workers: int = 2  # queries that may run at once
    timeout: float = 10.0  # seconds a query may run
    max_rows: int = 10_000  # rows (or triples) an answer may have
    max_request_bytes: int = 64 * 1024  # a query (or form) larger than this is refused
    wait: float = 0.5  # seconds a request waits for a free worker before 503
    max_connections: int = 32  # connections handled at once; more get 503


# ---------------------------------------------------------------------------------------- content negotiation


def negotiate(accept: str | None, offered: dict[str, Any], default: str) -> str | None:
    """The offered media type the Accept header prefers (``default`` for none or ``*/*``), or None."""
    if not accept or not accept.strip():
        return default
    choices: list[tuple[float, int, str]] = []
    for position, part in enumerate(accept.split(",")):
        fields = [f.strip() for f in part.split(";")]
        media = fields[0].lower()
        quality = 1.0
        for field in fields[1:]:
            if field.startswith("q="):
                with contextlib.suppress(ValueError):
                    quality = float(field[2:])
        if quality <= 0:
            continue
        if media in offered:
            choices.append((quality, -position, media))
        elif media in ("*/*", "application/*", "text/*") and (media == "*/*" or default.startswith(media[:-1])):
            choices.append((quality - 0.0001, -position, default))
    if not choices:
        return None
    return max(choices)[2]


# ---------------------------------------------------------------------------------------- the endpoint


class _Refused(Exception):
    def __init__(self, status: HTTPStatus, message: str, headers: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.headers = headers or {}


class SparqlServer:
    """The endpoint over the Oxigraph store in ``store``, or over a graph file loaded into a
    temporary store. ``start()`` serves in a background thread, ``serve_forever()`` in this one."""

    def __init__(
        self, source: str | Path, *, store: bool = True, settings: ServerSettings | None = None, name: str | None = None
    ) -> None:
        self.settings = settings or ServerSettings()
        self.name = name or str(source)
        self._temporary: Path | None = None
        self._guard: OxigraphStore | None
        if store:
            folder = Path(source)
            self._guard = OxigraphStore(folder, writable=False)  # checks the store, holds the reader lock
        else:
            self._temporary = Path(tempfile.mkdtemp(prefix="newsgraph-serve-"))
            folder = self._temporary / "store"
            try:
                with OxigraphStore(folder, writable=True) as loading:
                    loading.load_file(source)
                self._guard = OxigraphStore(folder, writable=False)
            except BaseException:
                shutil.rmtree(self._temporary, ignore_errors=True)
                raise
        self.folder = folder
        self._workers: queue.Queue[QueryWorker] = queue.Queue()
        self._connections = threading.BoundedSemaphore(self.settings.max_connections)
        self._thread: threading.Thread | None = None
        self._http: ThreadingHTTPServer | None = None
        try:
            self._start_workers()
            self._http = _HTTPServer((self.settings.host, self.settings.port), _Handler, self)
        except BaseException:
            self.close()
            raise

    def _start_workers(self) -> None:
        workers = [QueryWorker(self.folder) for _ in range(max(1, self.settings.workers))]
        errors: list[BaseException] = []

        def start(worker: QueryWorker) -> None:
            try:
                worker.start()
            except BaseException as exc:  # noqa: BLE001 - reported below
                errors.append(exc)

        threads = [threading.Thread(target=start, args=(w,)) for w in workers]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        self._all_workers = workers  # idle or busy: close() stops them all
        for worker in workers:
            self._workers.put(worker)
        if errors:
            raise errors[0]

    @property
    def url(self) -> str:
        assert self._http is not None
        host, port = self._http.server_address[:2]
        host = host.decode() if isinstance(host, bytes | bytearray) else host
        shown = f"[{host}]" if ":" in str(host) else host
        return f"http://{shown}:{port}"

    def start(self) -> SparqlServer:
        assert self._http is not None
        self._thread = threading.Thread(target=self._http.serve_forever, name="newsgraph-sparql", daemon=True)
        self._thread.start()
        return self

    def serve_forever(self) -> None:
        assert self._http is not None
        self._http.serve_forever()

    def close(self) -> None:
        """Stop serving, stop the workers, release the store (and remove a temporary one)."""
        if self._http is not None:
            if self._thread is not None:
                self._http.shutdown()
                self._thread.join()
            self._http.server_close()
            self._http = None
        for worker in getattr(self, "_all_workers", []):
            worker.close()  # a busy one too: its query is abandoned
        guard = getattr(self, "_guard", None)
        if guard is not None:
            guard.close()
            self._guard = None
        if self._temporary is not None:
            shutil.rmtree(self._temporary, ignore_errors=True)
            self._temporary = None

    def __enter__(self) -> SparqlServer:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- answering

    @contextlib.contextmanager
    def _worker(self) -> Iterator[QueryWorker]:
        try:
            worker = self._workers.get(timeout=self.settings.wait)
        except queue.Empty:
            raise _Refused(
                HTTPStatus.SERVICE_UNAVAILABLE,
                f"all {self.settings.workers} query workers are busy; try again shortly",
                {"Retry-After": "1"},
            ) from None
        try:
            yield worker
        finally:
            self._workers.put(worker)

    def run(self, query: str, *, default_graphs: tuple[str, ...] = (), named_graphs: tuple[str, ...] = ()) -> RawResult:
        """Answer one read-only query within the limits (raises _Refused)."""
        try:
            check_query(query)
        except QueryError as exc:
            raise _Refused(HTTPStatus.FORBIDDEN, str(exc)) from None
        for iri in (*default_graphs, *named_graphs):
            if not urllib.parse.urlsplit(iri).scheme:
                raise _Refused(HTTPStatus.BAD_REQUEST, f"not an absolute IRI: {iri!r}")
        with self._worker() as worker:
            try:
                return worker.run(
                    query,
                    timeout=self.settings.timeout,
                    max_rows=self.settings.max_rows,
                    default_graphs=default_graphs,
                    named_graphs=named_graphs,
                )
            except QueryTimeoutError as exc:
                raise _Refused(HTTPStatus.SERVICE_UNAVAILABLE, str(exc)) from None
            except QueryError as exc:
                raise _Refused(HTTPStatus.BAD_REQUEST, str(exc)) from None
            except StoreError as exc:
                raise _Refused(HTTPStatus.INTERNAL_SERVER_ERROR, str(exc)) from None


class _HTTPServer(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, address: tuple[str, int], handler: type[BaseHTTPRequestHandler], endpoint: SparqlServer) -> None:
        self.endpoint = endpoint
        if ":" in address[0]:
            self.address_family = socket.AF_INET6
        super().__init__(address, handler)

    def process_request(self, request: Any, client_address: Any) -> None:
        if not self.endpoint._connections.acquire(blocking=False):
            with contextlib.suppress(OSError):
                request.sendall(
                    b"HTTP/1.1 503 Service Unavailable\r\nContent-Type: text/plain; charset=utf-8\r\n"
                    b"Retry-After: 1\r\nConnection: close\r\nContent-Length: 21\r\n\r\n"
                    b"too many connections\n"
                )
            self.shutdown_request(request)
            return
        super().process_request(request, client_address)

    def process_request_thread(self, request: Any, client_address: Any) -> None:
        try:
            super().process_request_thread(request, client_address)
        finally:
            self.endpoint._connections.release()


class _Handler(BaseHTTPRequestHandler):
    server: _HTTPServer
    server_version = "newsgraph"
    sys_version = ""
    protocol_version = "HTTP/1.1"
    timeout = 15  # seconds a client may take to send its request

    def log_message(self, format: str, *args: Any) -> None:  # quiet: the CLI says what it serves
        return

    # -- plumbing

    def _send(self, status: HTTPStatus, body: bytes, content_type: str, headers: dict[str, str] | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Cache-Control", "no-store")
        for key, value in (headers or {}).items():
            self.send_header(key, value)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _error(self, refused: _Refused) -> None:
        self._send(refused.status, (str(refused) + "\n").encode("utf-8"), "text/plain; charset=utf-8", refused.headers)

    def _body(self) -> bytes:
        length = self.headers.get("Content-Length")
        if length is None:
            raise _Refused(HTTPStatus.LENGTH_REQUIRED, "a POST needs a Content-Length")
        try:
            size = int(length)
        except ValueError:
            raise _Refused(HTTPStatus.BAD_REQUEST, "Content-Length is not a number") from None
        limit = self.server.endpoint.settings.max_request_bytes
        if size < 0 or size > limit:
            raise _Refused(HTTPStatus.REQUEST_ENTITY_TOO_LARGE, f"the request is larger than {limit} bytes")
        return self.rfile.read(size)

    # -- methods

    def do_GET(self) -> None:
        self._dispatch(None)

    def do_HEAD(self) -> None:
        self._dispatch(None)

    def do_POST(self) -> None:
        try:
            body = self._body()
        except _Refused as refused:
            self.close_connection = True
            self._error(refused)
            return
        self._dispatch(body)

    def _not_allowed(self) -> None:
        self.close_connection = True  # its body, if any, is not read
        self._error(
            _Refused(
                HTTPStatus.METHOD_NOT_ALLOWED,
                "this endpoint is read-only: GET and POST queries only",
                {"Allow": "GET, HEAD, POST"},
            )
        )

    do_PUT = do_DELETE = do_PATCH = _not_allowed

    def _dispatch(self, body: bytes | None) -> None:
        parts = urllib.parse.urlsplit(self.path)
        try:
            if len(parts.query) > self.server.endpoint.settings.max_request_bytes:
                raise _Refused(HTTPStatus.REQUEST_URI_TOO_LONG, "the query string is too long; POST the query")
            params = urllib.parse.parse_qs(parts.query, keep_blank_values=True)
            if parts.path in ("/", "/index.html"):
                if body is not None:
                    raise _Refused(HTTPStatus.METHOD_NOT_ALLOWED, "POST queries to /sparql", {"Allow": "GET, HEAD"})
                self._page(params)
            elif parts.path == "/sparql":
                self._protocol(params, body)
            else:
                raise _Refused(HTTPStatus.NOT_FOUND, "not found: the endpoint is /sparql, the query page /")
        except _Refused as refused:
            self._error(refused)
        except NewsgraphError as exc:
            self._error(_Refused(HTTPStatus.INTERNAL_SERVER_ERROR, str(exc)))

    def _protocol(self, params: dict[str, list[str]], body: bytes | None) -> None:
        content_type = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        if body is not None:
            if content_type == "application/sparql-update":
                raise _Refused(HTTPStatus.FORBIDDEN, "SPARQL Update is not allowed: this endpoint is read-only")
            if content_type == "application/sparql-query":
                params.setdefault("query", []).append(body.decode("utf-8", "replace"))
            elif content_type == "application/x-www-form-urlencoded":
                for key, values in urllib.parse.parse_qs(
                    body.decode("utf-8", "replace"), keep_blank_values=True
                ).items():
                    params.setdefault(key, []).extend(values)
            else:
                raise _Refused(
                    HTTPStatus.UNSUPPORTED_MEDIA_TYPE,
                    "POST application/sparql-query or application/x-www-form-urlencoded",
                )
        if "update" in params:
            raise _Refused(HTTPStatus.FORBIDDEN, "SPARQL Update is not allowed: this endpoint is read-only")
        queries = params.get("query", [])
        if len(queries) != 1 or not queries[0].strip():
            raise _Refused(HTTPStatus.BAD_REQUEST, "give exactly one query (the query parameter)")
        result = self.server.endpoint.run(
            queries[0],
            default_graphs=tuple(params.get("default-graph-uri", [])),
            named_graphs=tuple(params.get("named-graph-uri", [])),
        )
        headers = {"Vary": "Accept"}
        if result.truncated:
            headers["X-Newsgraph-Truncated"] = f"only the first {len(result.rows)} rows"
        accept = self.headers.get("Accept")
        if result.kind == "CONSTRUCT":
            media = negotiate(accept, GRAPH_TYPES, "text/turtle")
            if media is None:
                raise _Refused(HTTPStatus.NOT_ACCEPTABLE, "a graph answer is available as " + ", ".join(GRAPH_TYPES))
            charset = "" if media == "application/ld+json" else "; charset=utf-8"
            self._send(HTTPStatus.OK, serialize_triples(result, GRAPH_TYPES[media]), media + charset, headers)
            return
        media = negotiate(accept, RESULT_TYPES, "application/sparql-results+json")
        if media is None:
            raise _Refused(HTTPStatus.NOT_ACCEPTABLE, "results are available as " + ", ".join(RESULT_TYPES))
        fmt = RESULT_TYPES[media]
        self._send(HTTPStatus.OK, serialize_result(result, fmt), RESULT_CONTENT_TYPES[fmt] + "; charset=utf-8", headers)

    def _page(self, params: dict[str, list[str]]) -> None:
        examples = example_queries()
        chosen = (params.get("example") or [""])[0]
        example = examples.get(chosen, "") or examples.get("who-commissioned-whom", "")
        text = (params.get("query") or [""])[0] or (bind_parameters(example) if example else "")
        table = ""
        if params.get("query"):
            try:
                table = _html_table(query_result(self.server.endpoint.run(text)))
            except _Refused as refused:
                table = f'<p class="error">{html.escape(str(refused))}</p>'
        page = _PAGE.format(
            name=html.escape(self.server.endpoint.name),
            query=html.escape(text),
            examples=" ".join(f'<a href="/?example={urllib.parse.quote(n)}">{html.escape(n)}</a>' for n in examples),
            prefixes=html.escape(", ".join(f"{p}:" for p in PREFIXES)),
            table=table,
        )
        self._send(
            HTTPStatus.OK,
            page.encode("utf-8"),
            "text/html; charset=utf-8",
            {
                "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; "
                "base-uri 'none'; frame-ancestors 'none'",
                "Referrer-Policy": "no-referrer",
            },
        )


def _html_table(result: QueryResult) -> str:
    head = "".join(f"<th>{html.escape(c)}</th>" for c in result.columns)
    rows = "".join(
        "<tr>" + "".join(f"<td>{html.escape(compact_iri(v))}</td>" for v in row) + "</tr>" for row in result.rows
    )
    count = f"{len(result.rows)} row{'s' if len(result.rows) != 1 else ''}" + (
        " (cut at the row limit)" if result.truncated else ""
    )
    return f"<p>{count}</p><table><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>"


_PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>newsgraph SPARQL: {name}</title>
<style>
body {{ font: 15px/1.4 system-ui, sans-serif; margin: 1.5em; color: #222; }}
textarea {{ width: 100%; height: 14em; font: 13px monospace; }}
table {{ border-collapse: collapse; margin-top: .5em; }}
td, th {{ border: 1px solid #ccc; padding: 2px 6px; text-align: left; vertical-align: top; font-size: 13px; }}
.error {{ color: #b00020; }} .note {{ color: #666; font-size: 13px; }}
</style></head>
<body><h1>newsgraph SPARQL</h1>
<p class="note">Serving {name}. Read-only; predeclared prefixes: {prefixes}. Endpoint for programs: <code>/sparql</code>.</p>
<p>Examples: {examples}</p>
<form method="get" action="/"><textarea name="query" spellcheck="false">{query}</textarea><br>
<button type="submit">Run</button></form>
{table}
</body></html>
"""


def serve(source: str | Path, *, store: bool = True, settings: ServerSettings | None = None) -> None:
    """Serve until interrupted (the CLI's ``newsgraph serve``)."""
    with SparqlServer(source, store=store, settings=settings) as server:
        server.serve_forever()
