package postgres

// UserTableNames are the tables Export and Forget cover, for the tests.
func UserTableNames() []string {
	var names []string
	for _, t := range userTables() {
		names = append(names, t.name)
	}
	return names
}
