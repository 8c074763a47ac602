shift({{shift}}).
