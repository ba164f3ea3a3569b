// class: other
// source: original
// expect: escape
System.setOut(new PrintStream(new FileOutputStream('@CANARY_WRITE@')))
