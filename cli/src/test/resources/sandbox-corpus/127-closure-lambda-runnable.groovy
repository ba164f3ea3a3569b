// class: closure
// source: original
// expect: write
Runnable r = () -> { new File('@CANARY_WRITE@').text = 'pwned' }
r.run()
