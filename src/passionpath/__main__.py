from passionpath.cli import main

main()
