"""The remote store: a SPARQL 1.1 endpoint (``--store http://HOST/...``). Queries go through the
SPARQL 1.1 Protocol, writes through SPARQL 1.1 Update, dumps through the Graph Store Protocol, so
a team can push into Oxigraph server, Fuseki or GraphDB.
"""

from __future__ import annotations

import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterable, Mapping
from pathlib import Path

import pyoxigraph as ox
from rdflib import Dataset, URIRef

from ...errors import QueryError, StoreError, UnknownNameError, one_line
from ...formats import OXIGRAPH_FORMATS
from ...outputs import atomic_output
from ..io import rdf_format, serialize
from ..namespaces import PREFIXES, bind_prefixes, sparql_prologue
from ..results import raw_result
from .base import GraphStore, Quad, RawResult, dump_prefixes, insert_data

__all__ = ["RemoteStore"]


class RemoteStore(GraphStore):
    """A SPARQL 1.1 endpoint. ``url`` is the service's base; by default (Oxigraph server's layout)
    queries go to ``BASE/query``, updates to ``BASE/update`` and the Graph Store Protocol to
    ``BASE/store``. Override each with a parameter of the URL, relative or absolute:
    ``http://host:3030/ds?query=sparql&update=update&store=data`` (Fuseki),
    ``http://host:7200/repositories/news?query=.&update=statements&store=rdf-graphs/service`` (GraphDB).
    """

    def __init__(self, url: str, *, timeout: float = 60.0) -> None:
        parts = urllib.parse.urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise StoreError(f"{url}: not an http(s) URL of a SPARQL endpoint")
        base = urllib.parse.urlunsplit((parts.scheme, parts.netloc, parts.path.rstrip("/") + "/", "", ""))
        options = dict(urllib.parse.parse_qsl(parts.query))
        unknown = sorted(set(options) - {"query", "update", "store"})
        if unknown:
            raise UnknownNameError("endpoint parameter", unknown[0], ["query", "store", "update"])

        def endpoint(key: str) -> str:
            return urllib.parse.urljoin(base, options.get(key, key)).rstrip("/")

        self.location = url
        self.query_url, self.update_url, self.store_url = endpoint("query"), endpoint("update"), endpoint("store")
        self.timeout = timeout

    def _request(
        self,
        url: str,
        *,
        data: bytes | None = None,
        headers: dict[str, str] | None = None,
        method: str | None = None,
        timeout: float | None = None,
    ) -> tuple[bytes, str]:
        request = urllib.request.Request(url, data=data, headers=headers or {}, method=method)
        try:
            with urllib.request.urlopen(request, timeout=timeout or self.timeout) as response:
                return response.read(), response.headers.get("Content-Type", "")
        except urllib.error.HTTPError as exc:
            detail = " ".join(exc.read(300).decode("utf-8", "replace").split())
            raise StoreError(f"{url}: HTTP {exc.code} {exc.reason}" + (f": {detail}" if detail else "")) from None
        except urllib.error.URLError as exc:
            raise StoreError(f"{url}: cannot reach the endpoint ({one_line(exc.reason)})") from None
        except TimeoutError:
            raise QueryError(f"{url}: no answer within {timeout or self.timeout:g} s") from None
        except OSError as exc:
            raise StoreError(f"{url}: {one_line(exc)}") from None

    def __len__(self) -> int:
        rows = self.select("SELECT (COUNT(*) AS ?n) WHERE { { ?s ?p ?o } UNION { GRAPH ?g { ?s ?p ?o } } }")
        return int(rows[0]["n"].toPython()) if rows else 0

    def execute(
        self, query: str, *, timeout: float | None = None, max_rows: int | None = None, union: bool = True
    ) -> RawResult:
        fields = [("query", sparql_prologue() + query)]
        if union:  # the SPARQL Protocol's way to a union default graph that every server understands
            fields.extend(("default-graph-uri", g) for g in sorted(self.graph_names()))
        body = urllib.parse.urlencode(fields).encode("utf-8")
        headers = {
            "Content-Type": "application/x-www-form-urlencoded",
            "Accept": "application/sparql-results+json, application/n-triples;q=0.9",
        }
        try:
            data, content_type = self._request(self.query_url, data=body, headers=headers, timeout=timeout)
        except StoreError as exc:
            if " HTTP 400 " in f" {exc} ":
                raise QueryError(f"SPARQL error: {exc}") from None
            raise
        try:
            if "n-triples" in content_type or "turtle" in content_type:
                fmt = ox.RdfFormat.N_TRIPLES if "n-triples" in content_type else ox.RdfFormat.TURTLE
                return raw_result(iter(ox.parse(data, format=fmt)), max_rows=max_rows)
            results = ox.QueryResultsFormat.XML if "xml" in content_type else ox.QueryResultsFormat.JSON
            return raw_result(ox.parse_query_results(data, format=results), max_rows=max_rows)
        except (SyntaxError, ValueError) as exc:
            raise StoreError(f"{self.query_url}: the answer is not SPARQL results ({one_line(exc)})") from None

    def graph_names(self) -> set[str]:
        result = self.execute("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }", union=False)
        return {str(row[0]) for row in result.rows}

    def replace_graphs(self, graphs: Mapping[URIRef, Iterable[Quad]]) -> None:
        update = sparql_prologue() + insert_data(graphs)
        self._request(
            self.update_url,
            data=update.encode("utf-8"),
            headers={"Content-Type": "application/sparql-update; charset=utf-8"},
        )

    def _nquads(self) -> bytes:
        data, _ = self._request(self.store_url, headers={"Accept": "application/n-quads"})
        return data

    def to_dataset(self) -> Dataset:
        dataset = Dataset(default_union=True)
        bind_prefixes(dataset)
        dataset.parse(data=self._nquads(), format="nquads")
        return dataset

    def export(self, path: str | Path, fmt: str | None = None) -> Path:
        target = Path(path)
        name = rdf_format(target, fmt)
        data: bytes | None = self._nquads()
        if name != "nquads":
            local = ox.Store()
            local.load(data, format=ox.RdfFormat.N_QUADS)
            if name == "trig":
                data = local.dump(format=ox.RdfFormat.TRIG, prefixes=dict(PREFIXES))
            elif name == "json-ld":
                data = serialize(self.to_dataset(), "jsonld")
            else:
                triples = local.query("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }", use_default_graph_as_union=True)
                assert isinstance(triples, ox.QueryTriples)  # a CONSTRUCT answers triples
                data = ox.serialize(triples, format=OXIGRAPH_FORMATS[name], prefixes=dump_prefixes(name))
        with atomic_output(target, "wb") as handle:
            handle.write(data)
        return target
