module hardway.e2e/images

go 1.23
