// class: network
// source: original
// expect: connect
'http://127.0.0.1:@PORT@/exfil'.toURL().withReader { it.readLine() }
