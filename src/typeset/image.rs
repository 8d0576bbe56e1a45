//! Raster images (photos, signatures, logos): JPEG is passed into the PDF unchanged,
//! PNG keeps its alpha channel. Only the header is read here, for the pixel size.

use std::sync::Arc;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ImageKind {
    Jpeg,
    Png,
}

#[derive(Clone, PartialEq, Eq)]
pub struct ImageData {
    pub bytes: Arc<Vec<u8>>,
    pub kind: ImageKind,
    pub width_px: u32,
    pub height_px: u32,
}

impl std::fmt::Debug for ImageData {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "ImageData({:?}, {}x{}, {} bytes)", self.kind, self.width_px, self.height_px, self.bytes.len())
    }
}

/// Why an image cannot be used.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ImageError {
    /// Not a JPEG or PNG.
    UnsupportedFormat,
    /// The header is damaged or the size is zero.
    Corrupt,
}

impl ImageData {
    pub fn from_bytes(bytes: Vec<u8>) -> Result<Self, ImageError> {
        let kind = match imagesize::image_type(&bytes).map_err(|_| ImageError::UnsupportedFormat)? {
            imagesize::ImageType::Jpeg => ImageKind::Jpeg,
            imagesize::ImageType::Png => ImageKind::Png,
            _ => return Err(ImageError::UnsupportedFormat),
        };
        let size = imagesize::blob_size(&bytes).map_err(|_| ImageError::Corrupt)?;
        if size.width == 0 || size.height == 0 {
            return Err(ImageError::Corrupt);
        }
        Ok(ImageData { bytes: Arc::new(bytes), kind, width_px: size.width as u32, height_px: size.height as u32 })
    }

    /// Width over height.
    pub fn aspect(&self) -> f32 {
        self.width_px as f32 / self.height_px as f32
    }

    /// The largest (w, h) with this aspect ratio inside `max_w` × `max_h`.
    pub fn fit(&self, max_w: f32, max_h: f32) -> (f32, f32) {
        let a = self.aspect();
        if max_w / a <= max_h {
            (max_w, max_w / a)
        } else {
            (max_h * a, max_h)
        }
    }
}
