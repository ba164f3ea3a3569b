// class: constructor
// source: Jenkins SECURITY-1336 / SECURITY-2848 (class with a main method is run instead of a script)
// expect: run
class Launch {
    static void main(String[] args) {
        'touch @MARKER@'.execute().waitFor()
    }
}
