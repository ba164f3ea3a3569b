// class: exit
// source: Jenkins SECURITY-1320 (import aliases) adapted to a static import
// expect: exit
import static java.lang.System.exit as bye
bye(3)
