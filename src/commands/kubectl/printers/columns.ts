// The column model behind `kubectl get` tables, mirroring the API server's TableConvertor: every
// column has a header (kubectl upper-cases the server's column names) and a priority; priority-1
// columns only show with `-o wide`.

export interface CellContext {
  now: number;
}

export interface Column<T> {
  header: string;
  /** Shown only with `-o wide` (TableColumnDefinition priority 1). */
  wide?: boolean;
  cell: (obj: T, ctx: CellContext) => string;
}
