// One-shot init for docker-compose.yml: turns the single mongod into replica set "rs0" (transactions
// and change streams need a replica set) and waits until it is primary. Safe to run again.
try {
  rs.status();
  print('replica set rs0 already initiated');
} catch (e) {
  rs.initiate({ _id: 'rs0', members: [{ _id: 0, host: 'mongodb:27017' }] });
  print('replica set rs0 initiated');
}
while (!db.hello().isWritablePrimary) {
  sleep(500);
}
print('mongodb is primary of rs0');
