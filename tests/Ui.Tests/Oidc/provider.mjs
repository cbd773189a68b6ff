// A real OpenID provider for the browser tests: node-oidc-provider (OpenID Certified), on a loopback port.
// People sign in on its development login form with any login; the login becomes the subject, and its e-mail claim
// is the login itself (or login@example.com). Clients register through Dynamic Client Registration (RFC 7591) at
// /reg, because each test's gateway listens on a port known only when the test starts.
// Prints one JSON line {"issuer": "..."} on stdout when it listens; stops when stdin closes (the test process ended).
import http from 'node:http';
import Provider from 'oidc-provider';

const server = http.createServer();
server.listen(0, '127.0.0.1', () => {
  const { port } = server.address();
  const issuer = `http://127.0.0.1:${port}`;
  const provider = new Provider(issuer, {
    clients: [],
    cookies: { keys: ['scimgateway-test-provider-cookie-key'] },
    features: {
      devInteractions: { enabled: true },
      registration: { enabled: true },
      rpInitiatedLogout: { enabled: true },
    },
    claims: {
      openid: ['sub'],
      email: ['email', 'email_verified'],
      profile: ['name'],
    },
    async findAccount(ctx, id) {
      return {
        accountId: id,
        async claims() {
          return { sub: id, email: id.includes('@') ? id : `${id}@example.com`, email_verified: true, name: id };
        },
      };
    },
  });
  provider.on('server_error', (ctx, error) => console.error('server_error', error));
  server.on('request', provider.callback());
  process.stdout.write(JSON.stringify({ issuer }) + '\n');
});

process.stdin.on('end', () => process.exit(0));
process.stdin.resume();
