"""One module (or package) per page of the book, named after its notebook. Imports the layers below it."""
