#!/usr/bin/env python3
"""Revocation propagation across three gateway nodes on one PostgreSQL (#13).

For each of N tokens: issue it on node 1, use it on nodes 2 and 3 (so both hold it in their validation cache), revoke
it on node 1, then poll nodes 2 and 3 over keep-alive connections until both answer 401. The time from the revoke's
response to the last node's first 401 is one sample. Prints p50, p90, p99 and max, per node and for both.

Run from the repository root with the gateway built (bench/cluster/run.sh does all of it):
  python3 bench/cluster/revocation.py GATEWAY_DLL CONNECTION_STRING [N]
"""
import http.client, json, os, socket, statistics, subprocess, sys, tempfile, threading, time, http.server

def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]

class Upstream(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    def do_GET(self):
        body = b'{"upstream":"ok"}'
        self.send_response(200); self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body))); self.end_headers(); self.wfile.write(body)
    def log_message(self, *args): pass

def call(conn, method, path, token, body=None):
    headers = {"Authorization": f"Bearer {token}"}
    data = None
    if body is not None:
        data = json.dumps(body).encode(); headers["Content-Type"] = "application/json"
    conn.request(method, path, body=data, headers=headers)
    response = conn.getresponse()
    return response.status, response.read()

def percentile(values, p):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]

def main():
    gateway, connection_string = sys.argv[1], sys.argv[2]
    count = int(sys.argv[3]) if len(sys.argv) > 3 else 200
    up_port = free_port()
    server = http.server.ThreadingHTTPServer(("127.0.0.1", up_port), Upstream)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    work = tempfile.mkdtemp(prefix="scimgateway-bench-")
    env = dict(os.environ, Storage__Provider="PostgreSql", ConnectionStrings__Postgres=connection_string,
               Storage__DataDirectory=work, Logging__LogLevel__Default="Warning",
               ReverseProxy__Clusters__qualytics__Destinations__primary__Address=f"http://127.0.0.1:{up_port}/")
    ports = [free_port() for _ in range(3)]
    nodes = [subprocess.Popen(["dotnet", gateway, "--urls", f"http://127.0.0.1:{p}"], env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL) for p in ports]
    try:
        for p in ports:
            deadline = time.time() + 120
            while True:
                try:
                    c = http.client.HTTPConnection("127.0.0.1", p, timeout=2); c.request("GET", "/healthz/ready")
                    if c.getresponse().status == 200: break
                except OSError: pass
                if time.time() > deadline: sys.exit(f"node on {p} never became ready")
                time.sleep(0.3)
        admin = subprocess.check_output(["dotnet", gateway, "tokens", "issue", "--service-user", "Bench Admin", "--role",
                                         "Admin", "--name", "admin", "--expires-in-days", "1"], env=env, text=True).strip()
        subprocess.check_output(["dotnet", gateway, "tokens", "issue", "--service-user", "Bench Pipeline", "--name",
                                 "seed", "--expires-in-days", "1"], env=env, text=True)
        conns = [http.client.HTTPConnection("127.0.0.1", p, timeout=10) for p in ports]
        _, users = call(conns[0], "GET", "/api/service-users", admin)
        listed = json.loads(users)
        listed = listed.get("items", listed) if isinstance(listed, dict) else listed
        owner = next(u["id"] for u in listed if u["name"] == "Bench Pipeline")
        both, per_node = [], {1: [], 2: []}
        for i in range(count):
            status, body = call(conns[0], "POST", "/api/user-tokens", admin,
                                {"name": f"bench-{i}", "expires_in_days": 1, "scim_endpoints_only": False, "user_id": owner})
            assert status == 201, (status, body)
            created = json.loads(body)
            token, token_id = created["bearer_token"], created["id"]
            for n in (1, 2):
                status, _ = call(conns[n], "GET", "/api/datastores", token)
                assert status == 200, status
            status, body = call(conns[0], "PUT", f"/api/user-tokens/{token_id}", admin, {"revoke": True})
            assert status == 200, (status, body)
            revoked_at = time.perf_counter()
            pending, seen = {1, 2}, {}
            while pending:
                for n in list(pending):
                    status, _ = call(conns[n], "GET", "/api/datastores", token)
                    if status == 401:
                        seen[n] = time.perf_counter() - revoked_at; pending.discard(n)
                if time.perf_counter() - revoked_at > 10: sys.exit(f"token {i} still accepted 10 s after its revoke")
            for n in (1, 2): per_node[n].append(seen[n] * 1000)
            both.append(max(seen.values()) * 1000)
        def line(name, values):
            return (f"{name}: n={len(values)} p50={percentile(values, 50):.1f} ms p90={percentile(values, 90):.1f} ms "
                    f"p99={percentile(values, 99):.1f} ms max={max(values):.1f} ms mean={statistics.mean(values):.1f} ms")
        print(line("node 2", per_node[1])); print(line("node 3", per_node[2])); print(line("both nodes", both))
    finally:
        for node in nodes: node.terminate()
        for node in nodes: node.wait(timeout=30)
        server.shutdown()

if __name__ == "__main__":
    main()
