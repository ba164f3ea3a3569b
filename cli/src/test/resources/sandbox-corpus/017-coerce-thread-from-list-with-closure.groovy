// class: coercion
// source: original
// expect: escape
// new Thread(Runnable) with a closure coerced to Runnable; the body runs on another thread.
File target() { ['@CANARY_WRITE@'] }
Thread t = [{ -> target() << 'pwned' }]
t.start()
t.join()
