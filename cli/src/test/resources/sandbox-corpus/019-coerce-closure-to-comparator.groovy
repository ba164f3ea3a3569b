// class: coercion
// source: Jenkins SECURITY-566 (closure coerced to a SAM type)
// expect: read
// A closure implicitly coerced to Comparator, called from JDK code (TreeSet) rather than from the script.
File canary() { ['@CANARY_READ@'] }
Comparator<String> c = { a, b -> vmwareSite("leak-${canary().collect { it }.join('|')}") { network 'VM Network' }; a <=> b }
def set = new TreeSet<String>(c)
set.addAll(['b', 'a'])
