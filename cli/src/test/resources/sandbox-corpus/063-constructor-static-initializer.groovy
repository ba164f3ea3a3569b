// class: constructor
// source: original
// expect: write
class Init {
    static { new File('@CANARY_WRITE@').text = 'pwned' }
    static int touch() { 1 }
}
Init.touch()
