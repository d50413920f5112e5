/**
 * @module
 * A per-item or per-request failure with the EWS ResponseCode Exchange would give. Operations catch it and write a
 * ResponseMessage with ResponseClass="Error" (or, where Exchange does, a SOAP fault).
 */
export class StoreError extends Error {
  constructor(
    readonly responseCode: string,
    message: string,
    readonly details?: Record<string, string | number>,
  ) {
    super(message);
    this.name = 'StoreError';
  }
}

export const ITEM_NOT_FOUND = 'The specified object was not found in the store., The process failed to get the correct properties.';
export const FOLDER_NOT_FOUND = 'The specified folder could not be found in the store.';

export function itemNotFound(): StoreError {
  return new StoreError('ErrorItemNotFound', ITEM_NOT_FOUND);
}

export function folderNotFound(): StoreError {
  return new StoreError('ErrorFolderNotFound', FOLDER_NOT_FOUND);
}
