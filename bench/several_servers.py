"""The checks of bench/several-servers: two mandat servers on one database behind nginx.

Started by bench/several-servers, which sets the BENCH_* environment variables. Python 3
standard library only. Prints a report; exits 1 if any point fails.
"""

import base64
import concurrent.futures
import html
import http.client
import http.cookies
import json
import os
import re
import subprocess
import sys
import threading
import time
import urllib.parse
import uuid

BASE = os.environ["BENCH_BASE"]
SERVERS = os.environ["BENCH_SERVERS"].split()
SERVER_PIDS = os.environ["BENCH_SERVER_PIDS"].split()
SERVER_LOGS = os.environ["BENCH_SERVER_LOGS"].split()
BIN = os.environ["BENCH_BIN"]
PSQL = os.environ["BENCH_PSQL"]
DB_URL = os.environ["BENCH_DB_URL"]
ADMIN_URL = os.environ["BENCH_ADMIN_URL"]
MIGRATIONS = os.environ["BENCH_MIGRATIONS"]
PG_STOP = os.environ["BENCH_PG_STOP"]
PG_START = os.environ["BENCH_PG_START"]
JOB_SECONDS = int(os.environ.get("BENCH_JOB_SECONDS", "120"))

JAN = "85073003328"
MARIA = "90051402426"

RESULTS = []


def say(text=""):
    print(text, flush=True)


def point(name, ok, detail):
    RESULTS.append((name, ok))
    say(f"  [{'PASS' if ok else 'FAIL'}] {name}: {detail}")


class Browser:
    """A client with a cookie jar, no automatic redirects, from a given source address."""

    def __init__(self, base=BASE, source="127.0.0.1"):
        u = urllib.parse.urlsplit(base)
        self.host, self.port, self.source = u.hostname, u.port, source
        self.cookies = {}
        self.upstreams = []

    def request(self, method, path, body=None, headers=None, timeout=15):
        conn = http.client.HTTPConnection(
            self.host, self.port, timeout=timeout, source_address=(self.source, 0)
        )
        h = {"Accept-Language": "en"}
        if self.cookies:
            h["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        if isinstance(body, dict):
            body = urllib.parse.urlencode(body)
            h["Content-Type"] = "application/x-www-form-urlencoded"
        h.update(headers or {})
        started = time.monotonic()
        try:
            conn.request(method, path, body=body, headers=h)
            res = conn.getresponse()
            data = res.read().decode("utf-8", "replace")
        except (OSError, http.client.HTTPException) as e:
            return Answer(0, {}, str(e), time.monotonic() - started)
        finally:
            conn.close()
        for v in res.headers.get_all("Set-Cookie") or []:
            c = http.cookies.SimpleCookie()
            c.load(v)
            for k, m in c.items():
                if m["max-age"] == "0":
                    self.cookies.pop(k, None)
                else:
                    self.cookies[k] = m.value
        answer = Answer(res.status, {k.lower(): v for k, v in res.getheaders()}, data,
                        time.monotonic() - started)
        if answer.upstream:
            self.upstreams.append(answer.upstream)
        return answer

    def get(self, path, **kw):
        return self.request("GET", path, **kw)

    def post(self, path, fields, **kw):
        return self.request("POST", path, body=fields, **kw)

    def csrf(self):
        return meta_csrf(self.get("/").body)

    def post_form(self, path, fields):
        fields = dict(fields)
        fields["csrf"] = self.csrf()
        return self.post(path, fields)

    def sign_in(self, niss):
        return self.post_form("/sign-in/demo", {"niss": niss, "next": "/"})


class Answer:
    def __init__(self, status, headers, body, took):
        self.status, self.headers, self.body, self.took = status, headers, body, took

    @property
    def upstream(self):
        return self.headers.get("x-upstream", "")


def meta_csrf(page):
    m = re.search(r'name="csrf-token" content="([^"]+)"', page)
    return html.unescape(m.group(1)) if m else ""


def attr(page, testid, name="value"):
    m = re.search(r'<[^>]*data-testid="' + re.escape(testid) + r'"[^>]*>', page)
    if not m:
        return None
    a = re.search(name + r'="([^"]*)"', m.group(0))
    return html.unescape(a.group(1)) if a else None


def texts(page, testid):
    return re.findall(r'data-testid="' + re.escape(testid) + r'"[^>]*>([^<]*)<', page)


def psql(sql, url=DB_URL):
    out = subprocess.run([PSQL, url, "-X", "-Atqc", sql], capture_output=True, text=True)
    if out.returncode != 0:
        raise RuntimeError(f"psql: {out.stderr.strip()}")
    return out.stdout.strip()


def short(upstream):
    return {s.split("//")[1]: chr(ord("A") + i) for i, s in enumerate(SERVERS)}.get(upstream, upstream or "-")


def wait_ready():
    for s in SERVERS + [BASE]:
        b = Browser(s)
        for _ in range(100):
            if b.get("/readyz").status == 200:
                break
            time.sleep(0.2)
        else:
            raise SystemExit(f"{s} never became ready")


def journey():
    say("\n1. The whole journey through nginx, each step on either server")
    jan, maria = Browser(), Browser()
    steps = []

    def step(name, answer, expected):
        steps.append((name, answer.status, short(answer.upstream), answer.status in expected))
        return answer

    step("Jan signs in", jan.sign_in(JAN), {303})
    page = step("company dashboard", jan.get("/company"), {200}).body
    key = re.search(r'name="form_key" value="([^"]+)"', page).group(1)
    form = {"label": "Kitchen help (bench)", "email": "maria@example.be", "context": "FLEXI_JOB",
            "language": "fr", "niss": "", "form_key": key}
    first = step("Jan creates a request", jan.post_form("/company/requests", form), {200})
    second = step("the same form sent again", jan.post_form("/company/requests", form), {200})
    link = attr(first.body, "created-link")
    twice = link is not None and link == attr(second.body, "created-link")
    step("demo mailbox", jan.get("/demo/mailbox"), {200})
    token_path = urllib.parse.urlsplit(link or "/r/none").path
    opened = step("Maria opens the link", maria.get(token_path), {303})
    request_page = opened.headers.get("location", "/")
    step("Maria signs in", maria.sign_in(MARIA), {303})
    page = step("Maria sees the request", maria.get(request_page), {200}).body
    answer_path = re.search(r'<form method="post" action="([^"]+/answer)"', page)
    step("Maria accepts", maria.post_form(answer_path.group(1) if answer_path else "/", {"answer": "accept"}), {200, 303})
    active = step("Jan sees the active access", jan.get("/company/tabs/active"), {200})
    for name, status, up, ok in steps:
        say(f"     {name:<32} {status}  server {up}")
    served = {up for _, _, up, _ in steps}
    all_ok = all(ok for *_, ok in steps)
    point("journey", all_ok and "Maria" in active.body and served >= {"A", "B"},
          f"{len(steps)} steps, all answered as expected: {all_ok}; served by {sorted(served)}")
    n = psql("SELECT count(*) FROM access_requests WHERE label = 'Kitchen help (bench)'")
    point("form sent twice", twice and n == "1", f"same link shown twice: {twice}; requests made: {n}")
    return jan


def api_idempotency(jan):
    say("\n2. A retried API creation with the same Idempotency-Key")
    jan.post_form("/company/api/circle", {})
    jan.post_form("/company/api/mandates/on", {})
    page = jan.post_form("/company/api/clients", {"name": "Bench HR", "scope_mandates": "on"}).body
    cid, secret = texts(page, "client-id"), texts(page, "client-secret")
    client = Browser()
    basic = base64.b64encode(f"{cid[0]}:{secret[0]}".encode()).decode()
    tok = client.post("/api/oauth/token", {"grant_type": "client_credentials"},
                      headers={"Authorization": f"Basic {basic}"})
    token = json.loads(tok.body)["access_token"]
    body = json.dumps({"context": "STUDENT_HOURS", "email": "sarah@example.be",
                       "label": "Bench idempotent", "language": "nl"})
    key = str(uuid.uuid4())

    def create(_):
        return Browser().request("POST", "/api/v1/mandate-requests", body=body, headers={
            "Authorization": f"Bearer {token}", "Content-Type": "application/json",
            "Idempotency-Key": key})

    with concurrent.futures.ThreadPoolExecutor(4) as pool:
        answers = list(pool.map(create, range(4)))
    ids = {json.loads(a.body).get("id") for a in answers if a.status == 201}
    replays = sum(1 for a in answers if a.headers.get("idempotent-replayed") == "true")
    ups = sorted({short(a.upstream) for a in answers})
    requests = psql("SELECT count(*) FROM access_requests WHERE label = 'Bench idempotent'")
    mails = psql("SELECT count(*) FROM outbox_emails WHERE recipient = 'sarah@example.be'")
    point("idempotent creation",
          all(a.status == 201 for a in answers) and len(ids) == 1 and requests == "1" and mails == "1",
          f"4 POSTs at once (servers {ups}): statuses {[a.status for a in answers]}, "
          f"one id: {len(ids) == 1}, {replays} replayed; requests {requests}, mails {mails}")


def link_limit():
    say("\n3. The secret-link limit (20 openings a minute per client address)")

    def count_until_refused(browser, tries=25, headers=None):
        ups = []
        for i in range(tries):
            a = browser.get("/r/" + "z" * 43, headers=headers)
            ups.append(short(a.upstream))
            if a.status == 429:
                return i, ups, a.headers.get("retry-after")
        return tries, ups, None

    one, _, _ = count_until_refused(Browser(SERVERS[0], source="127.0.0.3"))
    both, ups, wait = count_until_refused(Browser(source="127.0.0.2"),
                                          headers={"X-Real-IP": "192.0.2.1"})
    point("link limit", one == both == 20,
          f"one server alone: refused after {one}; two servers behind nginx: refused after {both} "
          f"(servers {''.join(ups[:both])}), Retry-After {wait}; a forged X-Real-IP is replaced by nginx")


def jobs(started):
    say(f"\n4. Each job once per interval ({JOB_SECONDS} s, both servers scheduling)")
    before = started
    left = JOB_SECONDS - (time.monotonic() - before["at"])
    if left > 0:
        time.sleep(left)
    took = time.monotonic() - before["at"]
    after = job_counts()
    intervals = {"deliver-mail": 2, "deliver-webhooks": 2, "expire-requests": 3, "end-mandates": 5,
                 "archive": 10, "purge": 15, "expire-keys": 10}
    worst = 0.0
    for job, every in intervals.items():
        runs = after.get(job, 0) - before["counts"].get(job, 0)
        expected = took / every
        worst = max(worst, runs / expected)
        say(f"     {job:<18} every {every:>2} s: {runs:>4} runs in {took:.0f} s (one server alone: {expected:.0f};"
            f" two uncoordinated: {2 * expected:.0f})")
    recorded = psql("SELECT count(*) FROM job_runs")
    idle = psql("SELECT sum(idle_runs) FROM job_schedule")
    point("jobs once per interval", worst <= 1.1,
          f"at most {worst:.2f} runs per interval; {idle} idle runs counted on the schedule, "
          f"{recorded} rows in job_runs (runs that changed something)")


def job_counts():
    rows = psql("SELECT job || '=' || runs FROM job_schedule")
    return {k: int(v) for k, v in (r.split("=") for r in rows.split()) }


def locked_table(jan):
    say("\n5. A long lock on access_requests")
    locker = subprocess.Popen([PSQL, DB_URL, "-X", "-q", "-c",
                               "BEGIN; LOCK TABLE access_requests IN ACCESS EXCLUSIVE MODE; SELECT pg_sleep(6); COMMIT;"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(0.5)
    with concurrent.futures.ThreadPoolExecutor(24) as pool:
        dashboards = [pool.submit(jan.get, "/company") for _ in range(20)]
        time.sleep(0.2)
        others = {p: pool.submit(Browser().get, p) for p in ["/readyz", "/", "/assets/app.css", "/sign-in", "/healthz"]}
        direct = [pool.submit(Browser(s).get, "/readyz") for s in SERVERS]
        dash = [f.result() for f in dashboards]
        other = {p: f.result() for p, f in others.items()}
        ready = [f.result() for f in direct]
    locker.wait()
    after = jan.get("/company")
    statuses = sorted({a.status for a in dash})
    slowest = max(a.took for a in dash)
    for p, a in other.items():
        say(f"     {p:<18} {a.status} in {a.took * 1000:.0f} ms")
    say(f"     /company x20       {statuses} within {slowest:.2f} s (the lock held 6 s)")
    ok = (set(statuses) <= {503} and slowest < 3 and all(a.status == 200 for a in ready)
          and all(other[p].status == 200 for p in ["/readyz", "/", "/assets/app.css", "/healthz"])
          and after.status == 200)
    point("locked table", ok,
          f"locked pages answered 503 within {slowest:.1f} s, /readyz of both servers 200, "
          f"others answered; after the lock: {after.status}")


def outage():
    say("\n6. PostgreSQL stopped, then started, during traffic")
    jan = Browser()
    jan.sign_in(JAN)
    stop = threading.Event()
    log = []
    lock = threading.Lock()
    t0 = time.monotonic()

    def traffic(paths):
        b = Browser()
        b.cookies = dict(jan.cookies)
        i = 0
        while not stop.is_set():
            a = b.get(paths[i % len(paths)], timeout=10)
            with lock:
                log.append((time.monotonic() - t0, a.status, a.took))
            i += 1
            time.sleep(0.05)

    threads = [threading.Thread(target=traffic, args=(p,), daemon=True)
               for p in (["/company"], ["/sign-in"], ["/company/tabs/active"], ["/readyz"])]
    for t in threads:
        t.start()
    time.sleep(3)
    stopped_at = time.monotonic() - t0
    subprocess.run(PG_STOP, shell=True, check=True, stdout=subprocess.DEVNULL)
    time.sleep(10)
    started_at = time.monotonic() - t0
    subprocess.run(PG_START, shell=True, check=True, stdout=subprocess.DEVNULL)
    time.sleep(6)
    stop.set()
    for t in threads:
        t.join()
    down = [(t, s, d) for t, s, d in log if stopped_at < t < started_at]
    back = [(t, s, d) for t, s, d in log if t > started_at]
    codes = lambda rows: {s: sum(1 for _, x, _ in rows if x == s) for s in sorted({x for _, x, _ in rows})}
    first_ok = min((t for t, s, _ in back if s == 200), default=None)
    slow503 = max((d for _, s, d in log if s == 503), default=0.0)
    recovered = first_ok is not None and first_ok - started_at
    alive = all(os.path.exists(f"/proc/{p}") for p in SERVER_PIDS)
    gone = [sum("database unreachable" in l or "database connection lost" in l for l in open(f)) for f in SERVER_LOGS]
    backs = [sum("database reachable again" in l for l in open(f)) for f in SERVER_LOGS]
    say(f"     before the stop      {codes([r for r in log if r[0] < stopped_at])}")
    say(f"     PostgreSQL down      {codes(down)} (503 answered within {slow503:.2f} s at most)")
    say(f"     after it started     {codes(back)}; first 200 {recovered:.1f} s after the start" if recovered is not False else "     no recovery")
    say(f"     log lines per server: 'gone' {gone}, 'back' {backs}")
    ok = (500 not in {s for _, s, _ in log} and 0 not in {s for _, s, _ in log}
          and slow503 < 2.5 and recovered is not False and alive
          and all(g == 1 for g in gone) and all(b == 1 for b in backs))
    point("database outage", ok,
          f"no 500 ({len(log)} requests), 503 within {slow503:.1f} s, recovered without restart "
          f"(servers still the same processes: {alive}), the log said once gone and once back")


def schema():
    say("\n7. The schema matches the binary")
    env = dict(os.environ)
    versions = sorted(d.split("_")[0].replace("-", "") for d in os.listdir(MIGRATIONS))
    newest_dir = sorted(os.listdir(MIGRATIONS))[-1]
    for name in ("bench_old", "bench_fresh"):
        psql(f"DROP DATABASE IF EXISTS {name}", ADMIN_URL)
        psql(f"CREATE DATABASE {name}", ADMIN_URL)
    old = DB_URL.replace("/mandat?", "/bench_old?")
    fresh = DB_URL.replace("/mandat?", "/bench_fresh?")
    env["DATABASE_URL"] = old
    subprocess.run([BIN, "migrate"], env=env, check=True, capture_output=True)
    psql(open(os.path.join(MIGRATIONS, newest_dir, "down.sql")).read(), old)
    psql(f"DELETE FROM __diesel_schema_migrations WHERE version = '{versions[-1]}'", old)
    try:
        out = subprocess.run([BIN, "serve", "--bind", "127.0.0.1:18089"], env=env, capture_output=True,
                             text=True, timeout=20)
        refused = out.returncode != 0 and "mandat migrate" in out.stderr
        message = out.stderr.strip().splitlines()[-1] if out.stderr.strip() else ""
    except subprocess.TimeoutExpired:
        refused, message = False, "it started"
    say(f"     serve on a database without {newest_dir}: {message}")
    point("old database refused", refused, "serve exits at once, naming the missing migration")

    env["DATABASE_URL"] = fresh
    runs = [subprocess.Popen([BIN, "migrate"], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            for _ in range(3)]
    outs = [r.communicate() + (r.returncode,) for r in runs]
    applied = [int(o[0].split()[0]) if o[2] == 0 and o[0].split() else -1 for o in outs]
    say(f"     three `mandat migrate` at once: exit codes {[o[2] for o in outs]}, applied {applied}")
    point("concurrent migrations", all(o[2] == 0 for o in outs) and sum(applied) == len(versions),
          f"all succeeded; {sum(applied)} migrations applied once in all ({len(versions)} in the binary)")


def main():
    say("mandat: two servers on one database behind nginx")
    say(f"  nginx {BASE} -> A {SERVERS[0]}, B {SERVERS[1]}; PostgreSQL {DB_URL.split('?')[0]}")
    wait_ready()
    started = {"at": time.monotonic(), "counts": job_counts()}
    jan = journey()
    api_idempotency(jan)
    link_limit()
    jobs(started)
    locked_table(jan)
    outage()
    schema()
    failed = [n for n, ok in RESULTS if not ok]
    say("")
    say("All points hold." if not failed else f"FAILED: {', '.join(failed)}")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
