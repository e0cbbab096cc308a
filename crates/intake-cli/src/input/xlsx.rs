//! Spreadsheet workbooks (`.xlsx`, `.xlsm`, `.xlsb`, `.xls`, `.ods`), read with
//! calamine: the first sheet, as a table whose rows keep their spreadsheet numbers.
//!
//! Cells become the text a person sees, as a CSV export would write it: a whole
//! number without `.0` (so a phone typed as a number keeps its digits, and a ZIP
//! that lost its leading zero shows as the 4 digits it now holds), a date as
//! `YYYY-MM-DD`, `TRUE`/`FALSE`, an error as `#N/A`. A workbook is read whole into
//! memory (calamine needs to seek in it), up to [`MAX_BYTES`].

use std::io::{self, Cursor, Read};

use calamine::{Data, Reader};

use super::table::Row;

/// The largest workbook read: 256 MiB of compressed XML is millions of rows.
pub(crate) const MAX_BYTES: u64 = 256 << 20;

/// Whether `head` starts like a workbook: a ZIP archive (xlsx, xlsm, xlsb, ods)
/// or an OLE compound file (xls).
pub(crate) fn is_workbook(head: &[u8]) -> bool {
    head.starts_with(b"PK\x03\x04") || head.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1])
}

/// The rows of the first sheet of the workbook in `src`, and a note when the
/// workbook has other sheets (which are not read).
///
/// # Errors
/// A message: the workbook is too large, cannot be read, or has no sheet.
pub(crate) fn rows(mut src: impl Read) -> Result<(Vec<Row>, Option<String>), String> {
    let mut bytes = Vec::new();
    src.by_ref().take(MAX_BYTES + 1).read_to_end(&mut bytes).map_err(|e| e.to_string())?;
    if bytes.len() as u64 > MAX_BYTES {
        return Err(format!("the workbook is larger than {} MiB; export its sheet as CSV", MAX_BYTES >> 20));
    }
    let mut book = calamine::open_workbook_auto_from_rs(Cursor::new(bytes))
        .map_err(|e| format!("cannot be read as a spreadsheet workbook ({e})"))?;
    let names = book.sheet_names();
    let first = names.first().cloned().ok_or("the workbook has no sheet")?;
    let range = book.worksheet_range(&first).map_err(|e| format!("cannot read its sheet {first:?} ({e})"))?;
    let note = (names.len() > 1).then(|| {
        format!("read the first sheet, {first:?}, of {}; export another one on its own to check it", names.len())
    });
    let top = range.start().map_or(0, |(row, _)| u64::from(row));
    let rows = range
        .rows()
        .enumerate()
        .map(|(i, cells)| {
            let texts: Vec<String> = cells.iter().map(text).collect();
            Row::Cells(top + i as u64 + 1, csv::ByteRecord::from(texts))
        })
        .collect();
    Ok((rows, note))
}

/// What a cell shows, as text.
fn text(cell: &Data) -> String {
    match cell {
        Data::Empty => String::new(),
        Data::String(s) | Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
        Data::Int(i) => i.to_string(),
        // Whole numbers within f64's exact range print without a fraction.
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{f:.0}"),
        Data::Float(f) => f.to_string(),
        Data::Bool(b) => if *b { "TRUE" } else { "FALSE" }.to_owned(),
        Data::DateTime(d) if d.is_datetime() => {
            let (y, m, day, ..) = d.to_ymd_hms_milli();
            format!("{y:04}-{m:02}-{day:02}")
        }
        Data::DateTime(d) => d.as_f64().to_string(),
        Data::Error(e) => e.to_string(),
    }
}

/// The rows as an iterator of the table reader's items.
pub(crate) fn iter(rows: Vec<Row>) -> impl Iterator<Item = io::Result<Row>> + Send {
    rows.into_iter().map(Ok)
}
