-spec rotate_grid(Grid :: [[integer()]]) -> [[integer()]].
rotate_grid([]) -> [];
rotate_grid(Grid) -> [lists:reverse(Column) || Column <- transpose(Grid)].

transpose([[] | _]) -> [];
transpose(Rows) -> [[H || [H | _] <- Rows] | transpose([T || [_ | T] <- Rows])].
