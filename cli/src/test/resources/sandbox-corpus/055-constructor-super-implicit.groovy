// class: constructor
// source: Jenkins SECURITY-1754 (crafted constructor bodies)
// expect: write
class Out extends FileOutputStream {
    Out() { super('@CANARY_WRITE@') }
}
new Out().withStream { it.write(120) }
