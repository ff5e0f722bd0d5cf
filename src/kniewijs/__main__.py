from kniewijs.cli import main

main()
