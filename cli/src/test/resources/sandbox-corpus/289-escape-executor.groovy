// class: script-escape
// source: original
// expect: write
def pool = java.util.concurrent.Executors.newSingleThreadExecutor()
pool.submit({ new File('@CANARY_WRITE@').text = 'pwned' } as Runnable).get()
pool.shutdown()
