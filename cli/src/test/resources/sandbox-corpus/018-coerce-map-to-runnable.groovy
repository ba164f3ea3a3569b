// class: coercion
// source: Jenkins SECURITY-566 (type coercion to interfaces)
// expect: write
def r = [run: { -> File w = ['@CANARY_WRITE@']; w << 'pwned' }] as Runnable
r.run()
