/**
 * What the server and the CLI create (the data folder, the SQLite file, `.eml` files, uploads,
 * exports) holds clients' personal data (152-ФЗ): not readable by other users of the machine.
 * The owner's group may read, for a backup user; the operator's own umask is kept where stricter.
 * @example keepFilesPrivate() // a new otklik.sqlite is rw-r----- instead of rw-r--r--
 */
export function keepFilesPrivate(): void {
  process.umask(process.umask() | 0o027);
}
