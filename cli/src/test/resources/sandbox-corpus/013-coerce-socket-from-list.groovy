// class: coercion
// source: original
// expect: connect
// The Socket(String, int) constructor connects as it is called.
Socket s = ['127.0.0.1', @PORT@]
s.close()
