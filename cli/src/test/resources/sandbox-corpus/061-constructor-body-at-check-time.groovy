// class: constructor
// source: Jenkins SECURITY-1336 (constructor bodies run while checking)
// expect: write
// A file whose only content is a class: some checkers instantiate it.
class DoNotRunConstructor {
    DoNotRunConstructor() {
        new File('@CANARY_WRITE@').text = 'pwned'
    }
}
