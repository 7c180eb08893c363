#!/usr/bin/env python3
"""Publish-to-visible driver for bench/publish.sh (standard library only).

  prepare BASE CLIENT_ID SECRET COUNT STATE   finds COUNT published news articles through the Management API and
                                              writes their ids and Ukrainian page paths to STATE (one per line)
  publish BASE CLIENT_ID SECRET STATE SPREAD [READER [COUNT]]
                                              for each article: gives its Ukrainian summary a new, unique text
                                              (not timed), then times from the start of the publish request until
                                              the page answers with the new text; the publishes are spread evenly
                                              over SPREAD seconds. Prints one line per publish and p50/p99.
                                              READER: read the pages from this other node (bench/nodes.sh) instead
                                              of the one that publishes; COUNT: publish this many times, going
                                              round the articles in STATE again when there are fewer.
"""
import http.client
import json
import statistics
import sys
import time
import urllib.parse
import uuid

API = "/umbraco/management/api/v1"


class Site:
    def __init__(self, base, client_id=None, secret=None):
        url = urllib.parse.urlsplit(base)
        self.host, self.port = url.hostname, url.port or 80
        self.api = http.client.HTTPConnection(self.host, self.port, timeout=30)
        self.pages = http.client.HTTPConnection(self.host, self.port, timeout=30)
        self.token = self._token(client_id, secret) if client_id else None

    def _call(self, conn, method, path, body=None, headers=None):
        conn.request(method, path, body=body, headers=headers or {})
        response = conn.getresponse()
        return response.status, response.read()

    def _token(self, client_id, secret):
        form = urllib.parse.urlencode({"grant_type": "client_credentials", "client_id": client_id, "client_secret": secret})
        status, body = self._call(self.api, "POST", f"{API}/security/back-office/token", form,
                                  {"Content-Type": "application/x-www-form-urlencoded"})
        if status != 200:
            sys.exit(f"token request answered {status}: {body[:300]!r}")
        return json.loads(body)["access_token"]

    def json(self, method, path, payload=None):
        headers = {"Authorization": f"Bearer {self.token}", "Accept": "application/json"}
        body = None
        if payload is not None:
            headers["Content-Type"] = "application/json"
            body = json.dumps(payload)
        status, raw = self._call(self.api, method, API + path, body, headers)
        if status >= 300:
            sys.exit(f"{method} {path} answered {status}: {raw[:300]!r}")
        return json.loads(raw) if raw else None

    def page(self, path):
        return self._call(self.pages, "GET", path)


def children(site, parent, take=1000):
    skip = 0
    while True:
        query = urllib.parse.urlencode({"skip": skip, "take": take, **({"parentId": parent} if parent else {})})
        page = site.json("GET", f"/tree/document/{'children' if parent else 'root'}?{query}")
        yield from page["items"]
        skip += take
        if skip >= page["total"]:
            return


def of_type(items, alias):
    return [item for item in items if item["documentType"]["alias"] == alias]


def prepare(base, client_id, secret, count, state):
    site = Site(base, client_id, secret)
    home = of_type(children(site, None), "home")[0]
    news = of_type(children(site, home["id"]), "newsIndex")[0]
    articles = [a for a in of_type(children(site, news["id"]), "newsArticle")
                if any(v["culture"] == "uk" and v["state"] == "Published" for v in a["variants"])]
    if len(articles) < count:
        sys.exit(f"only {len(articles)} published news articles; {count} wanted")
    step = len(articles) // count  # spread over the whole list, not only its start
    with open(state, "w") as out:
        for article in articles[::step][:count]:
            document = site.json("GET", f"/document/{article['id']}")
            url = next(v["url"] for v in document["variants"] if v["culture"] == "uk")
            out.write(f"{article['id']} {urllib.parse.urlsplit(url).path}\n")


def percentile(values, p):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(p / 100 * len(ordered) + 0.5) - 1))]


def publish(base, client_id, secret, state, spread, reader_base=None, count=None):
    site = Site(base, client_id, secret)
    reader = Site(reader_base) if reader_base else site
    articles = [line.split() for line in open(state) if line.strip()]
    if count:
        articles = [articles[i % len(articles)] for i in range(count)]
    interval = spread / len(articles)
    latencies, polls = [], []
    started = time.monotonic()
    for i, (key, path) in enumerate(articles):
        document = site.json("GET", f"/document/{key}")
        marker = f"visible{uuid.uuid4().hex[:12]}"
        site.json("PUT", f"/document/{key}", {"version": document["version"],
                                              "values": [{"alias": "summary", "culture": "uk",
                                                          "value": f"Summary changed by the benchmark: {marker}."}]})
        begin = time.perf_counter()
        site.json("PUT", f"/document/{key}/publish", {"cultures": ["uk"]})
        tries = 0
        while True:
            tries += 1
            status, body = reader.page(path)
            if status == 200 and marker.encode() in body:
                break
            if time.perf_counter() - begin > 10:
                sys.exit(f"{path} did not show the new text 10 s after the publish (last status {status})")
        latencies.append((time.perf_counter() - begin) * 1000)
        polls.append(tries)
        pause = started + (i + 1) * interval - time.monotonic()
        if pause > 0:
            time.sleep(pause)
    first_try = sum(1 for t in polls if t == 1)
    print(f"publishes: {len(latencies)} in {time.monotonic() - started:.1f} s; "
          f"shown by the first page request after the publish returned: {first_try}/{len(polls)}")
    print(f"publish-to-visible ms: p50 {statistics.median(latencies):.1f}  p99 {percentile(latencies, 99):.1f}  "
          f"min {min(latencies):.1f}  max {max(latencies):.1f}")
    print(f"RESULT p50={statistics.median(latencies):.1f} p99={percentile(latencies, 99):.1f}")


if __name__ == "__main__":
    command, args = sys.argv[1], sys.argv[2:]
    if command == "prepare":
        prepare(args[0], args[1], args[2], int(args[3]), args[4])
    elif command == "publish":
        publish(args[0], args[1], args[2], args[3], float(args[4]),
                args[5] if len(args) > 5 else None, int(args[6]) if len(args) > 6 else None)
    else:
        sys.exit(__doc__)
