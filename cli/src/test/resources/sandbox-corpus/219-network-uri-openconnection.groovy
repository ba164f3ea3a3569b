// class: network
// source: original
// expect: connect
def c = new URI('http://127.0.0.1:@PORT@/').toURL().openConnection()
c.connectTimeout = 2000
c.connect()
