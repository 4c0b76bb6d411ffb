from annotator.cli import program

program()
